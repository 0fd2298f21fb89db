package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A {@code viewer} reads everything of its organization and changes nothing (a write answers 403);
 * only the system administrator creates organizations.
 */
class ViewerIsReadOnlyIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;

    @Test
    void aViewerReadsChannelsUsersApiKeysAndTheAuditLog() {
        Tenant tenant = newTenant();
        String channel = Channels.create(tenant.admin(), PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        tenant.newApiKey();
        ApiClient viewer = tenant.newUser("viewer");

        for (String path : List.of(CHANNELS, CHANNELS + "/" + channel, Channels.PAGE_PATH, "/api/users", "/api/api-keys",
                "/api/audit-log", "/api/auth/me")) {
            ApiResponse read = viewer.get(path);
            assertThat(read.status()).as(path + " → " + read).isEqualTo(200);
        }
        assertThat(viewer.get("/api/auth/me").json().get("user").get("role").stringValue()).isEqualTo("viewer");
    }

    @Test
    void aViewersWritesAreForbidden() {
        Tenant tenant = newTenant();
        JsonNode channel = Channels.create(tenant.admin(), PageBodies.SECURITY_CHANNEL);
        String path = CHANNELS + "/" + channel.get("id").stringValue();
        tenant.newApiKey();
        String keyId = tenant.admin().get("/api/api-keys").itemIds().get(0);
        ApiClient viewer = tenant.newUser("viewer");

        assertProblem(viewer.post(CHANNELS, PageBodies.CRITICAL_ONLY_CHANNEL), 403);
        assertProblem(viewer.post(Channels.PAGE_PATH, PageBodies.CRITICAL_ONLY_CHANNEL), 403);
        assertProblem(viewer.patch(path, Map.of("name", "Viewer was here")), 403);
        assertProblem(viewer.put(path, PageBodies.CRITICAL_ONLY_CHANNEL), 403);
        assertProblem(viewer.delete(path), 403);
        assertProblem(viewer.post("/api/users", Map.of("email", "new-" + UUID.randomUUID() + "@example.test",
                "password", "a-long-enough-password", "role", "admin")), 403);
        assertProblem(viewer.post("/api/api-keys", Map.of("name", "viewer key")), 403);
        assertProblem(viewer.delete("/api/api-keys/" + keyId), 403);

        assertThat(tenant.admin().get(path).json()).isEqualTo(channel);
        assertThat(tenant.admin().get(CHANNELS).itemIds()).hasSize(1);
        assertThat(tenant.admin().get("/api/api-keys").itemIds()).containsExactly(keyId);
        assertThat(tenant.admin().get("/api/users").json().get("items")).hasSize(2);
    }

    @Test
    void onlyTheSystemAdministratorCreatesOrganizations() {
        Tenant tenant = newTenant();
        ApiClient viewer = tenant.newUser("viewer");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> organization = Map.of("name", "Org by " + suffix, "admin_email", "first-" + suffix + "@example.test",
                "admin_password", "first-admin-password");

        assertProblem(tenant.admin().post("/api/organizations", organization), 403);
        assertProblem(viewer.post("/api/organizations", organization), 403);
        ApiResponse created = root().post("/api/organizations", organization);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").stringValue()).isEqualTo("Org by " + suffix);
    }
}
