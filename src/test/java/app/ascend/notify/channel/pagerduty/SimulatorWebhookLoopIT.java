package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The loop tried locally: an event opens an incident in the simulator, a responder acknowledges and then
 * resolves it there by hand, and the simulator's signed v3 webhooks make ASCEND show who did it.
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
}
