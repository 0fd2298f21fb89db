package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;

/**
 * Integration keys, routing keys and alias keys are encrypted at rest (AES-GCM): no column of the
 * channel's row, and no audit entry, holds a key in clear.
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
        Map<String, Object> body = Channels.pagerDuty("At rest", integrationKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("routing_key", routingKey);
        config.put("routing_keys", Map.of("security-on-call", aliasKey));
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", ruleKey)));
        String id = Channels.create(admin, body).get("id").stringValue();
        admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("integration_key", Channels.newRoutingKey())));

        List<Map<String, Object>> rows = database.sql("select * from channels where id = ?").param(id).query().listOfRows();
        List<Map<String, Object>> audit = database.sql("select * from audit_log where target_id = ?").param(id).query()
                .listOfRows();

        assertThat(rows).hasSize(1);
        assertThat(String.valueOf(rows.get(0).get("sealed_settings"))).startsWith("v1:");
        assertThat(rows.toString() + audit).doesNotContain(integrationKey, routingKey, aliasKey, ruleKey);
    }
}
