package app.ascend.notify.audit;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
 * Every change to a channel, an API key or a user is recorded in {@code GET /api/audit-log}: who, when,
 * what changed (before and after), with keys masked; newest first, narrowed with {@code target_id}.
 */
class AuditTrailIT extends ApiTest {
    private static final String AUDIT = "/api/audit-log";

    @Test
    void everyChannelChangeIsRecordedNewestFirstWithKeysMasked() {
        Tenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String newKey = Channels.newRoutingKey();
        String id = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        admin.patch(Channels.PATH + "/" + id, Map.of("name", "Renamed", "config", Map.of("integration_key", newKey)));
        admin.delete(Channels.PATH + "/" + id);

        ApiResponse log = admin.get(AUDIT);

        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<JsonNode> entries = entries(log);
        assertThat(entries.subList(0, 3)).extracting(e -> e.get("action").stringValue())
                .containsExactly("channel.deleted", "channel.updated", "channel.created");
        for (JsonNode entry : entries.subList(0, 3)) {
            assertThat(entry.get("target_type").stringValue()).isEqualTo("channel");
            assertThat(entry.get("target_id").stringValue()).isEqualTo(id);
            assertThat(entry.get("actor_email").stringValue()).isEqualTo(tenant.adminEmail());
        }
        assertNewestFirst(entries);

        JsonNode created = entries.get(2).get("changes");
        assertThat(created.get("name").stringValue()).isEqualTo("PagerDuty Security");
        assertThat(created.get("config").get("integration_key").stringValue()).isEqualTo("****-key");
        JsonNode updated = entries.get(1).get("changes");
        assertThat(updated.propertyNames()).containsExactlyInAnyOrder("name", "config.integration_key");
        assertThat(updated.get("name").get("before").stringValue()).isEqualTo("PagerDuty Security");
        assertThat(updated.get("name").get("after").stringValue()).isEqualTo("Renamed");
        assertThat(updated.get("config.integration_key").get("before").stringValue()).isEqualTo("****-key");
        assertThat(updated.get("config.integration_key").get("after").stringValue()).isEqualTo(Channels.masked(newKey));
        assertThat(entries.get(0).get("changes").get("name").stringValue()).isEqualTo("Renamed");
        assertThat(log.body()).doesNotContain("your-integration-key", "your-routing-key", newKey);
    }

    @Test
    void replacingAKeyIsRecordedEvenWhenItsMaskLooksTheSame() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, Channels.pagerDuty("Same tail", "first-secret-key-0000")).get("id").stringValue();

        admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("integration_key", "second-secret-key-0000")));

        JsonNode latest = entries(admin.get(AUDIT + "?target_id=" + id)).get(0);
        assertThat(latest.get("action").stringValue()).isEqualTo("channel.updated");
        assertThat(latest.get("changes").toString()).contains("a key was replaced")
                .doesNotContain("first-secret-key", "second-secret-key");
    }

    @Test
    void theTargetIdFilterNarrowsTheLogToOneObject() {
        ApiClient admin = newTenant().admin();
        String first = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        String second = Channels.create(admin, PageBodies.CRITICAL_ONLY_CHANNEL).get("id").stringValue();
        admin.patch(Channels.PATH + "/" + first, Map.of("enabled", false));

        List<JsonNode> entries = entries(admin.get(AUDIT + "?target_id=" + first));

        assertThat(entries).extracting(e -> e.get("action").stringValue())
                .containsExactly("channel.updated", "channel.created");
        assertThat(entries).allMatch(e -> e.get("target_id").stringValue().equals(first));
        assertThat(entries(admin.get(AUDIT + "?target_id=" + second))).hasSize(1);
        assertThat(entries(admin.get(AUDIT + "?target_id=chan_nothing"))).isEmpty();
    }

    @Test
    void aTargetIdThatCannotBeAnIdIsABadRequest() {
        ApiClient admin = newTenant().admin();

        assertInvalidField(admin.get(AUDIT + "?target_id=%00"), "target_id");
        assertInvalidField(admin.get(AUDIT + "?target_id=chan_%00x"), "target_id");
    }

    @Test
    void apiKeyAndUserChangesAreRecorded() {
        Tenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        ApiResponse key = admin.post("/api/api-keys", Map.of("name", "governance-engine"));
        String keyId = key.json().get("id").stringValue();
        admin.delete("/api/api-keys/" + keyId);
        tenant.newUser("viewer");

        ApiResponse log = admin.get(AUDIT);

        List<JsonNode> entries = entries(log);
        assertThat(entries.subList(0, 3)).extracting(e -> e.get("action").stringValue())
                .containsExactly("user.created", "api_key.revoked", "api_key.created");
        assertThat(entries.subList(0, 3)).allMatch(e -> e.get("actor_email").stringValue().equals(tenant.adminEmail()));
        assertThat(entries.get(0).get("changes").get("role").stringValue()).isEqualTo("viewer");
        assertThat(entries.get(0).get("target_id").stringValue()).startsWith("usr_");
        assertThat(entries.get(1).get("target_id").stringValue()).isEqualTo(keyId);
        assertThat(entries.get(2).get("target_id").stringValue()).isEqualTo(keyId);
        assertThat(entries.get(2).get("changes").get("name").stringValue()).isEqualTo("governance-engine");
        assertThat(log.body()).doesNotContain(key.json().get("key").stringValue());
    }

    @Test
    void theLogIsPagedLikeEveryList() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        admin.patch(Channels.PATH + "/" + id, Map.of("name", "Renamed"));

        ApiResponse page1 = admin.get(AUDIT + "?limit=1");
        ApiResponse page2 = admin.get(AUDIT + "?limit=1&cursor=" + page1.json().get("next_cursor").stringValue());

        assertThat(entries(page1)).extracting(e -> e.get("action").stringValue()).containsExactly("channel.updated");
        assertThat(entries(page2)).extracting(e -> e.get("action").stringValue()).containsExactly("channel.created");
        assertThat(admin.get(AUDIT + "?limit=201").status()).isEqualTo(400);
    }

    private static List<JsonNode> entries(ApiResponse log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        log.json().get("items").forEach(entries::add);
        return entries;
    }

    private static void assertNewestFirst(List<JsonNode> entries) {
        for (int i = 1; i < entries.size(); i++) {
            assertThat(Instant.parse(entries.get(i - 1).get("at").stringValue()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i).get("at").stringValue()));
        }
    }
}
