package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The loop tried locally: an event opens an incident in the simulator, a responder acknowledges and then
 * resolves it there by hand (through its Java methods, or its HTTP controls as docs/pagerduty-webhooks.md shows
 * them), and the simulator's signed v3 webhooks make ASCEND show who did it.
 */
class SimulatorWebhookLoopIT extends PagerDutyWebhookApiTest {

    @Test
    void anAcknowledgementAndAResolveByHandInTheSimulatorShowInAscend() {
        Paged paged = paged();
        PAGERDUTY.subscribeWebhooks(baseUrl() + "/api/webhooks/pagerduty/" + paged.channelId(), paged.secret(),
                paged.routingKey());

        assertThat(PAGERDUTY.acknowledgeByHand(paged.routingKey(), paged.dedupKey(), "Jane Doe")).isTrue();

        eventually().until(() -> "acknowledged".equals(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()));
        JsonNode acknowledged = incident(paged.pipeline(), paged.dedupKey());
        assertThat(acknowledged.get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");
        assertThat(acknowledged.get("remote").get("url").stringValue()).startsWith("https://simulator.pagerduty.invalid/incidents/Q");

        assertThat(PAGERDUTY.resolveByHand(paged.routingKey(), paged.dedupKey(), "Jane Doe")).isTrue();

        eventually().until(() -> "resolved".equals(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()));
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("reason").stringValue())
                .startsWith("the incident was resolved in PagerDuty by Jane Doe at ");
        assertThat(received(paged.pipeline(), paged.channelId())).extracting(r -> r.get("event_type").stringValue())
                .containsExactly("incident.resolved", "incident.acknowledged");
    }

    @Test
    void aResolveThroughTheEventsApiComesBackAsAWebhookNamingTheIntegration() {
        Paged paged = paged();
        PAGERDUTY.subscribeWebhooks(baseUrl() + "/api/webhooks/pagerduty/" + paged.channelId(), paged.secret(),
                paged.routingKey());

        paged.pipeline().postEvent(app.ascend.notify.support.Events.approval(paged.actionId()));

        eventually().until(() -> received(paged.pipeline(), paged.channelId()).size() == 1);
        JsonNode kept = received(paged.pipeline(), paged.channelId()).get(0);
        assertThat(kept.get("event_type").stringValue()).isEqualTo("incident.resolved");
        assertThat(kept.get("incident_key").stringValue()).isEqualTo(paged.dedupKey());
        // ASCEND had closed it already when it sent the resolve: recorded, not changed again.
        assertThat(kept.get("outcome").stringValue()).isEqualTo("applied");
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("remote").get("status").stringValue()).isEqualTo("resolved");
        assertThat(incident.get("remote").get("actor").stringValue()).isEqualTo("Events API v2");
    }

    @Test
    void theSimulatorsHttpControlsSubscribeAcknowledgeAndResolve() {
        Paged paged = paged();
        ApiClient simulator = new ApiClient(PAGERDUTY.baseUrl());
        String webhookUrl = baseUrl() + "/api/webhooks/pagerduty/" + paged.channelId();

        ApiResponse subscribed = simulator.post("/_sim/subscriptions",
                Map.of("url", webhookUrl, "secret", paged.secret(), "routing_key", paged.routingKey()));

        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        String subscriptionId = subscribed.json().get("id").stringValue();
        assertThat(subscribed.json().get("secret").stringValue()).isEqualTo(paged.secret());
        ApiResponse subscriptions = simulator.get("/_sim/subscriptions");
        assertThat(subscriptions.status()).as(subscriptions.toString()).isEqualTo(200);
        assertThat(subscriptions.json()).anySatisfy(sub -> {
            assertThat(sub.get("id").stringValue()).isEqualTo(subscriptionId);
            assertThat(sub.get("url").stringValue()).isEqualTo(webhookUrl);
        });

        ApiResponse acknowledged = simulator.post("/_sim/incidents/acknowledge",
                Map.of("routing_key", paged.routingKey(), "dedup_key", paged.dedupKey(), "agent", "Jane Doe"));

        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").stringValue()).isEqualTo("acknowledged");
        eventually().until(() -> "acknowledged".equals(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()));
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");

        ApiResponse resolved = simulator.post("/_sim/incidents/resolve",
                Map.of("routing_key", paged.routingKey(), "dedup_key", paged.dedupKey(), "agent", "Sam Roe"));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().get("status").stringValue()).isEqualTo("resolved");
        eventually().until(() -> "resolved".equals(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()));
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("reason").stringValue()).startsWith("the incident was resolved in PagerDuty by Sam Roe at ");
        assertThat(incident.get("remote").get("actor").stringValue()).isEqualTo("Sam Roe");

        // What the simulator sent through this subscription, and ASCEND's answers: two deliveries, both accepted.
        eventually().until(() -> sentTo(simulator, subscriptionId).size() == 2);
        assertThat(sentTo(simulator, subscriptionId)).allSatisfy(sent -> {
            assertThat(sent.get("dedupKey").stringValue()).isEqualTo(paged.dedupKey());
            assertThat(sent.get("status").asInt()).isEqualTo(202);
        }).extracting(sent -> sent.get("eventType").stringValue())
                .containsExactly("incident.acknowledged", "incident.resolved");
        // Nothing is open any more: the control says so.
        ApiResponse again = simulator.post("/_sim/incidents/acknowledge",
                Map.of("routing_key", paged.routingKey(), "dedup_key", paged.dedupKey()));
        assertThat(again.status()).as(again.toString()).isEqualTo(404);
    }

    /** {@code GET /_sim/subscriptions/deliveries}, those of one subscription, in the order sent. */
    private static List<JsonNode> sentTo(ApiClient simulator, String subscriptionId) {
        ApiResponse deliveries = simulator.get("/_sim/subscriptions/deliveries");
        assertThat(deliveries.status()).as(deliveries.toString()).isEqualTo(200);
        List<JsonNode> sent = new ArrayList<>();
        deliveries.json().forEach(d -> {
            if (subscriptionId.equals(d.get("subscriptionId").stringValue())) {
                sent.add(d);
            }
        });
        return sent;
    }
}
