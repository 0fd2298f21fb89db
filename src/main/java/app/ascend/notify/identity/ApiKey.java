package app.ascend.notify.identity;

import java.time.Instant;

/** A machine client's key; only its SHA-256 hash and a short prefix (to recognise it in lists) are stored. */
public record ApiKey(String id, String organizationId, String name, String prefix, Instant createdAt,
        Instant lastUsedAt) {
}
