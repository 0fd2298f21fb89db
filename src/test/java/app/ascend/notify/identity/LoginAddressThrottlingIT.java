package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * Brute-force defence per client address: after that many failed sign-ins from one address (50 by
 * default, 8 here) with any emails, every sign-in from the address answers 429. It runs in its own
 * service (a separate Spring context, closed afterwards) so that 127.0.0.1 stays usable for the
 * other tests.
 */
@TestPropertySource(properties = "ascend.login.max-failures-per-address=" + LoginAddressThrottlingIT.MAX_FAILURES)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginAddressThrottlingIT extends ApiTest {
    static final int MAX_FAILURES = 8;

    @Test
    void manyFailuresFromOneAddressLockEverySignInFromIt() {
        Tenant tenant = newTenant();
        for (int i = 1; i <= MAX_FAILURES; i++) {
            assertProblem(anonymous().login("guess-" + i + "-" + UUID.randomUUID() + "@example.test", "wrong-password"), 401);
        }

        ApiResponse admin = anonymous().login(tenant.adminEmail(), tenant.adminPassword());
        ApiResponse root = anonymous().login(ROOT_EMAIL, ROOT_PASSWORD);

        assertProblem(admin, 429);
        assertProblem(root, 429);
        assertThat(Long.parseLong(admin.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(tenant.admin().get("/api/auth/me").status()).as("a session from before the lock").isEqualTo(200);
    }
}
