package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * API keys for machine clients: the secret is shown once at creation, lists show only its prefix and
 * times, {@code Authorization: Bearer} authenticates as the key's organization, and a revoked key
 * stops working at once.
 */
class ApiKeyLifecycleIT extends ApiTest {

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        ApiClient admin = newTenant().admin();

        ApiResponse created = admin.post("/api/api-keys", Map.of("name", "governance-engine"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("key").stringValue();
        String prefix = created.json().get("prefix").stringValue();
        assertThat(secret).startsWith("ask_").hasSizeGreaterThan(30);
        assertThat(secret).startsWith(prefix);
        assertThat(prefix.length()).isLessThan(secret.length() / 2);
        ApiResponse list = admin.get("/api/api-keys");
        JsonNode listed = list.json().get("items").get(0);
        assertThat(listed.get("id")).isEqualTo(created.json().get("id"));
        assertThat(listed.get("name").stringValue()).isEqualTo("governance-engine");
        assertThat(listed.get("prefix").stringValue()).isEqualTo(prefix);
        assertThat(listed.get("created_at")).isEqualTo(created.json().get("created_at"));
        assertThat(listed.has("last_used_at")).isTrue();
        assertThat(listed.get("last_used_at").isNull()).isTrue();
        assertThat(listed.has("key")).isFalse();
        assertThat(list.body()).doesNotContain(secret);
    }

    @Test
    void theKeyAuthenticatesAsItsOrganizationAndRecordsItsUse() {
        Tenant tenant = newTenant();
        String secret = tenant.newApiKey();

        ApiResponse me = anonymous().withApiKey(secret).get("/api/auth/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("organization").get("id").stringValue()).isEqualTo(tenant.organizationId());
        JsonNode listed = tenant.admin().get("/api/api-keys").json().get("items").get(0);
        assertThat(me.json().get("api_key_id")).isEqualTo(listed.get("id"));
        assertThat(listed.get("last_used_at").isNull()).as("last_used_at after use").isFalse();
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Tenant tenant = newTenant();
        String secret = tenant.newApiKey();
        ApiClient engine = anonymous().withApiKey(secret);
        assertThat(engine.get("/api/auth/me").status()).isEqualTo(200);
        String id = tenant.admin().get("/api/api-keys").itemIds().get(0);

        ApiResponse revoked = tenant.admin().delete("/api/api-keys/" + id);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertProblem(engine.get("/api/auth/me"), 401);
        assertThat(tenant.admin().get("/api/api-keys").itemIds()).isEmpty();
        assertProblem(tenant.admin().delete("/api/api-keys/" + id), 404);
    }

    @Test
    void aMadeUpKeyIsUnauthorized() {
        assertProblem(anonymous().withApiKey("ask_" + "A".repeat(40)).get("/api/auth/me"), 401);
        assertProblem(anonymous().withApiKey("not-even-shaped-like-a-key").get("/api/auth/me"), 401);
        assertProblem(anonymous().withApiKey("ask_" + "A".repeat(40)).post(Channels.PATH, PageBodies.SECURITY_CHANNEL), 401);
    }

    @Test
    void theKeyCannotDoAnAdminsWrites() {
        Tenant tenant = newTenant();
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());

        assertProblem(engine.post(Channels.PATH, PageBodies.SECURITY_CHANNEL), 403);
        assertProblem(engine.post(Channels.PAGE_PATH, PageBodies.SECURITY_CHANNEL), 403);
        assertProblem(engine.post("/api/api-keys", Map.of("name", "another")), 403);

        assertThat(tenant.admin().get(Channels.PATH).itemIds()).isEmpty();
        assertThat(tenant.admin().get("/api/api-keys").itemIds()).hasSize(1);
    }

    @Test
    void aKeyNeedsAName() {
        ApiClient admin = newTenant().admin();

        assertInvalidField(admin.post("/api/api-keys", Map.of()), "name");
        assertInvalidField(admin.post("/api/api-keys", Map.of("name", "engine", "scope", "all")), "scope");
    }
}
