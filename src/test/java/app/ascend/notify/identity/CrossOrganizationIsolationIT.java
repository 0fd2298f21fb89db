package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
 * Every organization's channels, users, API keys and audit entries are invisible to every other
 * organization: reading or changing another organization's object answers 404, as for an id that
 * does not exist.
 */
class CrossOrganizationIsolationIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;

    @Test
    void anotherOrganizationsChannelIsNotFound() {
        ApiClient ours = newTenant().admin();
        ApiClient theirs = newTenant().admin();
        JsonNode channel = Channels.create(ours, PageBodies.SECURITY_CHANNEL);
        String path = CHANNELS + "/" + channel.get("id").stringValue();

        assertProblem(theirs.get(path), 404);
        assertProblem(theirs.patch(path, Map.of("name", "Taken over")), 404);
        assertProblem(theirs.put(path, PageBodies.CRITICAL_ONLY_CHANNEL), 404);
        assertProblem(theirs.delete(path), 404);
        assertProblem(theirs.get(Channels.PAGE_PATH + "/" + channel.get("id").stringValue()), 404);

        ApiResponse stillOurs = ours.get(path);
        assertThat(stillOurs.status()).isEqualTo(200);
        assertThat(stillOurs.json()).isEqualTo(channel);
    }

    @Test
    void listsShowOnlyTheOrganizationsOwnObjects() {
        Tenant ours = newTenant();
        Tenant theirs = newTenant();
        String ourChannel = Channels.create(ours.admin(), PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        String theirChannel = Channels.create(theirs.admin(), PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        ours.newUser("viewer");
        theirs.newUser("viewer");
        String ourKey = ours.admin().post("/api/api-keys", Map.of("name", "ours")).json().get("id").stringValue();
        String theirKey = theirs.admin().post("/api/api-keys", Map.of("name", "theirs")).json().get("id").stringValue();

        assertThat(ours.admin().get(CHANNELS).itemIds()).containsExactly(ourChannel);
        assertThat(theirs.admin().get(CHANNELS).itemIds()).containsExactly(theirChannel);
        assertThat(ours.admin().get("/api/api-keys").itemIds()).containsExactly(ourKey);
        assertThat(theirs.admin().get("/api/api-keys").itemIds()).containsExactly(theirKey);
        assertOnlyOrganization(ours.admin().get("/api/users"), ours.organizationId(), 2);
        assertOnlyOrganization(theirs.admin().get("/api/users"), theirs.organizationId(), 2);

        ApiResponse ourAudit = ours.admin().get("/api/audit-log");
        assertThat(targetIds(ourAudit)).contains(ourChannel, ourKey).doesNotContain(theirChannel, theirKey);
        assertThat(ourAudit.body()).doesNotContain(theirs.adminEmail());
        assertThat(ours.admin().get("/api/audit-log?target_id=" + theirChannel).json().get("items")).isEmpty();
    }

    @Test
    void anotherOrganizationsApiKeyCannotBeRevoked() {
        Tenant ours = newTenant();
        ApiClient theirs = newTenant().admin();
        String secret = ours.newApiKey();
        String keyId = ours.admin().get("/api/api-keys").itemIds().get(0);

        assertProblem(theirs.delete("/api/api-keys/" + keyId), 404);

        assertThat(anonymous().withApiKey(secret).get("/api/auth/me").status()).isEqualTo(200);
        assertThat(ours.admin().get("/api/api-keys").itemIds()).containsExactly(keyId);
    }

    @Test
    void anOrganizationAdminSeesOnlyItsOwnOrganization() {
        Tenant ours = newTenant();
        newTenant();

        ApiResponse organizations = ours.admin().get("/api/organizations");

        assertThat(organizations.status()).as(organizations.body()).isEqualTo(200);
        assertThat(organizations.itemIds()).containsExactly(ours.organizationId());
    }

    private static void assertOnlyOrganization(ApiResponse users, String organizationId, int count) {
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        assertThat(users.json().get("items")).hasSize(count);
        users.json().get("items").forEach(user ->
                assertThat(user.get("organization_id").stringValue()).isEqualTo(organizationId));
    }

    private static List<String> targetIds(ApiResponse audit) {
        List<String> ids = new ArrayList<>();
        audit.json().get("items").forEach(entry -> ids.add(entry.get("target_id").asString()));
        return ids;
    }
}
