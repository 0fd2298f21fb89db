package app.ascend.notify.identity;

import java.time.Instant;

/** A person who signs in. {@code passwordHash} never leaves the identity package's repository and services. */
public record User(String id, String organizationId, String email, String passwordHash, Role role,
        boolean systemAdmin, Instant createdAt) {
}
