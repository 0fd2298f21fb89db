package app.ascend.notify.identity;

import java.time.Instant;

/**
 * Published when a sign-in to an existing account fails, so that it can become an {@code auth.failed}
 * governance event of that user's organization.
 */
public record SignInFailed(String organizationId, String userId, String email, String sourceIp, String reason,
        Instant at) {
}
