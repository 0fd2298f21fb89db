package app.ascend.notify.identity;

import java.time.Instant;

/** A user as the API shows it: never the password hash. */
public record UserView(String id, String email, String role, boolean systemAdmin, String organizationId,
        Instant createdAt) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.role().wireName(), user.systemAdmin(), user.organizationId(),
                user.createdAt());
    }
}
