package app.ascend.notify.security;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * Brute force against one account: after {@value #MAX_FAILURES} failed sign-ins, however the email is
 * spelt, the account answers 429 with Retry-After even to the right password, other accounts and
 * existing sessions are untouched, guessing on while locked does not prolong the lock, and the lock
 * ends after the lock-out period. Its own service (a separate Spring context, closed afterwards), so
 * that its failed sign-ins from 127.0.0.1 count against no other test.
 */
@TestPropertySource(properties = {"ascend.login.max-failures-per-account=" + AccountLockoutIT.MAX_FAILURES,
        "ascend.login.lockout=" + AccountLockoutIT.LOCKOUT_SECONDS + "s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccountLockoutIT extends ApiTest {
    static final int MAX_FAILURES = 3;
    static final int LOCKOUT_SECONDS = 6;

    @Test
    void failuresLockTheAccountWhateverTheSpellingOfItsEmail() {
        Tenant locked = newTenant();
        Tenant other = newTenant();
        String email = locked.adminEmail();
        for (String spelling : List.of(email.toUpperCase(Locale.ROOT), "  " + email + " ", email)) {
            assertProblem(anonymous().login(spelling, "wrong-password"), 401);
        }

        ApiResponse refused = anonymous().login(email, locked.adminPassword());

        assertProblem(refused, 429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, (long) LOCKOUT_SECONDS);
        assertProblem(anonymous().login(email.toUpperCase(Locale.ROOT), locked.adminPassword()), 429);
        assertThat(anonymous().login(other.adminEmail(), other.adminPassword()).status()).isEqualTo(200);
        assertThat(locked.admin().get("/api/auth/me").status()).as("a session from before the lock").isEqualTo(200);
    }

    @Test
    void theLockEndsAfterTheLockoutEvenWhenGuessingGoesOn() {
        Tenant tenant = newTenant();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertProblem(anonymous().login(tenant.adminEmail(), "wrong-password-" + i), 401);
        }
        long lockedAt = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertProblem(anonymous().login(tenant.adminEmail(), "still-guessing-" + i), 429);
        }

        Awaitility.await("the lock ends").atMost(Duration.ofSeconds(LOCKOUT_SECONDS + 30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> anonymous().login(tenant.adminEmail(), tenant.adminPassword()).status() == 200);

        assertThat(Duration.ofNanos(System.nanoTime() - lockedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(LOCKOUT_SECONDS - 1));
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertProblem(anonymous().login(tenant.adminEmail(), "again-" + i), 401);
        }
        assertThat(anonymous().login(tenant.adminEmail(), tenant.adminPassword()).status())
                .as("a sign-in forgives the failures before it").isEqualTo(200);
    }
}
