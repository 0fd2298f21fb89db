package app.ascend.notify.identity;

import java.time.Instant;

public record Organization(String id, String name, Instant createdAt) {
}
