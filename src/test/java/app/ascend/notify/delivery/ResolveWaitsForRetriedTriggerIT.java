package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Order within an action: PagerDuty answers the trigger 503, and the approval arrives while the
 * trigger waits for its retry. The resolve is held until the retried trigger is accepted, then sent,
 * so PagerDuty resolves the incident instead of dropping a resolve for an alert it does not know.
 */
class ResolveWaitsForRetriedTriggerIT extends ApiTest {

    @AfterEach
    void clearInjectedFaults() {
        PAGERDUTY.clearFaults();
    }

    @Test
    void theResolveReachesPagerDutyOnlyAfterTheRetriedTriggerWasAccepted() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;
        PagerDutyInbox pagerDuty = inbox(routingKey);
        PAGERDUTY.failNext(1, 503);
        PAGERDUTY.setLatency(Duration.ofMillis(300)); // time enough for the approval to arrive meanwhile

        String trigger = org.postEvent(Events.trigger("action.blocked", action, 92));
        String approval = org.postEvent(Events.approval(action));

        eventually().until(() -> pagerDuty.accepted(dedupKey).size() == 2);
        assertThat(pagerDuty.requests(dedupKey))
                .extracting(r -> r.json().get("event_action").stringValue() + " " + r.status())
                .containsExactly("trigger 503", "trigger 202", "resolve 202");
        assertThat(pagerDuty.incident(dedupKey).status()).isEqualTo(IncidentStatus.RESOLVED);

        JsonNode triggerDelivery = org.deliveryOf(trigger);
        assertThat(triggerDelivery.get("attempts")).extracting(a -> a.get("http_status").asInt()).containsExactly(503, 202);
        Instant triggerAccepted = Instant.parse(triggerDelivery.get("attempts").get(1).get("at").stringValue());
        Instant approvalReceived = Instant.parse(org.explain(approval).get("event").get("received_at").stringValue());
        assertThat(approvalReceived).as("the approval came while the trigger was waiting for its retry")
                .isBefore(triggerAccepted);
        eventually().untilAsserted(() -> {
            JsonNode resolveDelivery = org.deliveryOf(approval);
            assertThat(resolveDelivery.get("status").stringValue()).isEqualTo("delivered");
            assertThat(resolveDelivery.get("attempts")).hasSize(1);
        });
    }
}
