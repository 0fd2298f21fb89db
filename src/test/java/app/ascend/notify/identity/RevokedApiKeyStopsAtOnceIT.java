package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * API keys are cached per instance (ascend.api-keys.cache-ttl, 10 s here as by default), yet a key
 * revoked through this instance refuses the very next request: the revocation evicts it when it commits,
 * before the DELETE answers. Another key of the same organization, cached too, keeps working.
 */
class RevokedApiKeyStopsAtOnceIT extends ApiTest {

    @Test
    void aCachedKeyRevokedThroughTheApiIsRefusedByTheNextPost() {
        Tenant tenant = newTenant();
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String keyId = tenant.admin().get("/api/api-keys").itemIds().get(0);
        ApiClient other = anonymous().withApiKey(tenant.newApiKey());
        for (int i = 0; i < 3; i++) {
            assertThat(post(engine).status()).isEqualTo(202);
            assertThat(post(other).status()).isEqualTo(202);
        }

        ApiResponse revoked = tenant.admin().delete("/api/api-keys/" + keyId);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        ApiResponse refused = post(engine);
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(engine.get("/api/auth/me"), 401);
        assertThat(post(other).status()).as("the organization's other key").isEqualTo(202);
    }

    private static ApiResponse post(ApiClient client) {
        return client.post("/api/events", Map.of("type", "action.blocked", "action_id", "act_" + UUID.randomUUID()));
    }
}
