package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page's "Route by Event Type": its {@code routing_rules} name the aliases security-on-call and
 * governance-on-call, resolved through {@code config.routing_keys}; the first rule listing a type wins,
 * other types go to {@code config.routing_key}. Decisions show the key masked.
 */
class RoutingRulesIT extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachTypeGoesToItsRulesKeyAndTheRestToTheDefault() {
        Pipeline org = newPipeline();
        String security = newRoutingKey();
        String governance = newRoutingKey();
        String fallback = newRoutingKey();
        String channel = org.createChannel(pageRoutingChannel(security, governance, fallback));
        String authFailed = Events.newActionId();
        String mfaFailed = Events.newActionId();
        String blocked = Events.newActionId();
        String violation = Events.newActionId();

        List<String> ids = org.postBatch(Events.batch(
                Events.trigger("auth.failed", authFailed, 60),
                Events.trigger("auth.mfa_failed", mfaFailed, 60),
                Events.trigger("action.blocked", blocked, 60),
                Events.trigger("policy.violation", violation, 60)));

        eventually().untilAsserted(() -> {
            assertThat(dedupKeysAt(security)).containsExactlyInAnyOrder("ascend-" + authFailed, "ascend-" + mfaFailed);
            assertThat(dedupKeysAt(governance)).containsExactly("ascend-" + blocked);
            assertThat(dedupKeysAt(fallback)).containsExactly("ascend-" + violation);
        });
        assertThat(org.decision(ids.get(0), channel).get("routing_key").stringValue()).isEqualTo(masked(security));
        assertThat(org.decision(ids.get(2), channel).get("routing_key").stringValue()).isEqualTo(masked(governance));
        assertThat(org.decision(ids.get(3), channel).get("routing_key").stringValue()).isEqualTo(masked(fallback));
    }

    @Test
    void decisionsAndDeliveriesNeverShowTheKeyInClear() {
        Pipeline org = newPipeline();
        String security = newRoutingKey();
        String governance = newRoutingKey();
        String fallback = newRoutingKey();
        String channel = org.createChannel(pageRoutingChannel(security, governance, fallback));

        String id = org.postEvent(Events.trigger("auth.failed", Events.newActionId(), 60));

        eventually().until(() -> inbox(security).accepted().size() == 1);
        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(decision.get("reason").stringValue()).contains(masked(security));
        String explained = org.admin().get("/api/events/" + id).body();
        String log = org.admin().get("/api/notifications/deliveries?event_id=" + id).body();
        String channelView = org.admin().get("/api/notifications/channels/" + channel).body();
        for (String key : List.of(security, governance, fallback)) {
            assertThat(explained).doesNotContain(key);
            assertThat(log).doesNotContain(key);
            assertThat(channelView).doesNotContain(key);
        }
        assertThat(org.deliveryOf(id).get("payload").get("routing_key").stringValue()).isEqualTo(masked(security));
    }

    /** The page's routing_rules fragment on a channel whose routing_keys resolve its two aliases. */
    private static ObjectNode pageRoutingChannel(String security, String governance, String fallback) {
        ObjectNode channel = (ObjectNode) JSON.readTree(PageBodies.ROUTING_RULES);
        channel.put("name", "PagerDuty by type").put("type", "pagerduty");
        ObjectNode config = channel.putObject("config").put("routing_key", fallback);
        config.putObject("routing_keys").put("security-on-call", security).put("governance-on-call", governance);
        return channel;
    }

    private static List<String> dedupKeysAt(String routingKey) {
        return inbox(routingKey).accepted().stream().map(e -> e.get("dedup_key").stringValue()).toList();
    }

    private static String masked(String key) {
        return "****" + key.substring(key.length() - 4);
    }
}
