package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/** Base of the PagerDuty webhook ITs: a PagerDuty channel with a webhook signing secret and a paged action. */
abstract class PagerDutyWebhookApiTest extends ApiTest {

    /** A channel receiving webhooks, and the incident its trigger opened. */
    record Paged(Pipeline pipeline, String channelId, String secret, String routingKey, String actionId,
            String dedupKey, String triggerEventId) {
    }

    static String newSecret() {
        return "pd-signing-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A PagerDuty channel with {@code config.webhook_secret}, and one action.blocked paged through it. */
    Paged paged() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String secret = newSecret();
        Map<String, Object> channel = Channels.pagerDuty("On call", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) channel.get("config");
        config.put("webhook_secret", secret);
        String channelId = pipeline.createChannel(channel);
        String actionId = Events.newActionId();
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", actionId, 90));
        String dedupKey = "ascend-" + actionId;
        eventually().until(() -> !PAGERDUTY.incidentsFor(routingKey, dedupKey).isEmpty());
        return new Paged(pipeline, channelId, secret, routingKey, actionId, dedupKey, eventId);
    }

    /** The organization's incident of the dedup key, open or resolved, read by its id (it may close meanwhile). */
    static JsonNode incident(Pipeline pipeline, String dedupKey) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String status : List.of("open", "resolved")) {
            ApiResponse page = pipeline.admin().get("/api/incidents?status=" + status);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(i -> {
                if (dedupKey.equals(i.get("dedup_key").stringValue())) {
                    ids.add(i.get("id").stringValue());
                }
            });
        }
        assertThat(ids).as("incidents of %s", dedupKey).hasSize(1);
        ApiResponse one = pipeline.admin().get("/api/incidents/" + ids.iterator().next());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        return one.json();
    }

    /** The channel's received webhooks, newest first. */
    static List<JsonNode> received(Pipeline pipeline, String channelId) {
        ApiResponse page = pipeline.admin().get("/api/notifications/channels/" + channelId + "/webhooks");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }
}
