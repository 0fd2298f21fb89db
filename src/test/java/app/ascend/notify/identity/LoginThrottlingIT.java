package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * Brute-force defence: after 5 failed sign-ins for one account, that account answers 429 (with
 * Retry-After) even to the right password, while other accounts still sign in; and nothing in the
 * answers tells whether an email belongs to an account.
 */
class LoginThrottlingIT extends ApiTest {
    private static final int MAX_FAILURES_PER_ACCOUNT = 5;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        Tenant locked = newTenant();
        Tenant other = newTenant();
        for (int i = 1; i <= MAX_FAILURES_PER_ACCOUNT; i++) {
            assertProblem(anonymous().login(locked.adminEmail(), "wrong-password-" + i), 401);
        }

        ApiResponse refused = anonymous().login(locked.adminEmail(), locked.adminPassword());

        assertProblem(refused, 429);
        assertThat(refused.header("Retry-After")).as("Retry-After").isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(refused.headers("Set-Cookie")).noneMatch(c -> c.startsWith("ASCEND_SESSION=") && !c.contains("Max-Age=0"));
        assertThat(anonymous().login(other.adminEmail(), other.adminPassword()).status()).isEqualTo(200);
        assertThat(locked.admin().get("/api/auth/me").status()).as("a session from before the lock").isEqualTo(200);
    }

    @Test
    void aFailedSignInDoesNotRevealWhetherTheEmailExists() {
        Tenant tenant = newTenant();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";

        ApiResponse wrongPassword = anonymous().login(tenant.adminEmail(), "wrong-password");
        ApiResponse unknownEmail = anonymous().login(unknown, "wrong-password");

        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
        assertThat(wrongPassword.json().get("title")).isEqualTo(unknownEmail.json().get("title"));
    }

    @Test
    void anUnknownEmailIsLockedOutLikeAnAccount() {
        Tenant tenant = newTenant();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        for (int i = 1; i <= MAX_FAILURES_PER_ACCOUNT; i++) {
            anonymous().login(tenant.adminEmail(), "wrong-password-" + i);
            anonymous().login(unknown, "wrong-password-" + i);
        }

        ApiResponse existing = anonymous().login(tenant.adminEmail(), "wrong-password");
        ApiResponse missing = anonymous().login(unknown, "wrong-password");

        assertProblem(existing, 429);
        assertProblem(missing, 429);
        assertThat(existing.json().get("detail")).isEqualTo(missing.json().get("detail"));
    }
}
