package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import tools.jackson.databind.JsonNode;

/**
 * Integration keys, routing keys, alias keys, and a PagerDuty channel's webhook signing secret and REST API
 * token are encrypted at rest (AES-GCM): no column of the channel's row, and no audit entry, holds one in
 * clear, whether given at creation or by a later PATCH.
 */
class ChannelKeysAtRestIT extends ApiTest {

    @Autowired
    JdbcClient database;

    @Test
    void noColumnHoldsAKeyInClear() {
        ApiClient admin = newTenant().admin();
        String integrationKey = Channels.newRoutingKey();
        String routingKey = Channels.newRoutingKey();
        String aliasKey = Channels.newRoutingKey();
        String ruleKey = Channels.newRoutingKey();
        String webhookSecret = "pd-signing-" + Channels.newRoutingKey();
        String restApiToken = "pd-rest-" + Channels.newRoutingKey().substring(0, 20);
        Map<String, Object> body = Channels.pagerDuty("At rest", integrationKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("routing_key", routingKey);
        config.put("routing_keys", Map.of("security-on-call", aliasKey));
        config.put("webhook_secret", webhookSecret);
        config.put("rest_api_token", restApiToken);
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", ruleKey)));
        JsonNode created = Channels.create(admin, body);
        String id = created.get("id").stringValue();
        assertThat(created.get("config").get("webhook_secret").stringValue()).isEqualTo(Channels.masked(webhookSecret));
        assertThat(created.get("config").get("rest_api_token").stringValue()).isEqualTo(Channels.masked(restApiToken));
        String patchedIntegrationKey = Channels.newRoutingKey();
        String patchedWebhookSecret = "pd-signing-" + Channels.newRoutingKey();
        String patchedRestApiToken = "pd-rest-" + Channels.newRoutingKey().substring(0, 20);
        ApiResponse patched = admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("integration_key",
                patchedIntegrationKey, "webhook_secret", patchedWebhookSecret, "rest_api_token", patchedRestApiToken)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        // Both were kept, then replaced: the answers show them masked, so the row below holds them (sealed).
        assertThat(patched.json().get("config").get("webhook_secret").stringValue())
                .isEqualTo(Channels.masked(patchedWebhookSecret));
        assertThat(patched.json().get("config").get("rest_api_token").stringValue())
                .isEqualTo(Channels.masked(patchedRestApiToken));

        List<Map<String, Object>> rows = database.sql("select * from channels where id = ?").param(id).query().listOfRows();
        List<Map<String, Object>> audit = database.sql("select * from audit_log where target_id = ?").param(id).query()
                .listOfRows();

        assertThat(rows).hasSize(1);
        assertThat(String.valueOf(rows.get(0).get("sealed_settings"))).startsWith("v1:");
        assertThat(rows.toString() + audit).doesNotContain(integrationKey, routingKey, aliasKey, ruleKey,
                webhookSecret, restApiToken, patchedIntegrationKey, patchedWebhookSecret, patchedRestApiToken);
    }
}
