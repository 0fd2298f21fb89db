package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A change beside an action's events: in one batch with a trigger it is its own message (no merge, its own
 * sequence), it closes nothing the approval closes, it is filtered by risk only when it carries one, and a
 * maintenance window does not mute it.
 */
class ChangeEventsBesideIncidentsIT extends ApiTest {

    @Test
    void aChangeBesideATriggerInOneBatchIsItsOwnMessageAndTouchesNoIncident() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();

        List<String> ids = org.postBatch(Events.batch(Events.trigger("action.blocked", action, 85),
                Events.event("policy.changed").put("policy_name", "Data Protection Policy").put("action_id", action)));

        eventually().until(() -> inbox(routingKey).accepted("ascend-" + action).size() == 1
                && PAGERDUTY.changeEventsFor(routingKey).size() == 1);
        assertThat(inbox(routingKey).only("ascend-" + action).get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(org.decision(ids.get(1), channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(org.deliveryOf(ids.get(1)).get("dedup_key").stringValue()).isEqualTo("ascend-" + ids.get(1));

        String approval = org.postEvent(Events.approval(action));

        eventually().until(() -> inbox(routingKey).accepted("ascend-" + action).size() == 2);
        assertThat(inbox(routingKey).accepted("ascend-" + action).stream().map(e -> e.get("event_action").stringValue())
                .toList()).containsExactly("trigger", "resolve");
        assertThat(org.decision(approval, channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(PAGERDUTY.changeEventsFor(routingKey)).hasSize(1); // the approval closed the incident, not the change
    }

    @Test
    void riskFiltersApplyToAChangeOnlyWhenItCarriesARisk() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey), 70));

        String plain = org.postEvent(Events.event("agent.permissions_changed").put("agent_id", "agent-7"));
        String lowRisk = org.postEvent(Events.event("agent.permissions_changed").put("agent_id", "agent-7")
                .put("risk_score", 20));

        assertThat(org.decision(plain, channel).get("outcome").stringValue()).isEqualTo("queued");
        JsonNode filtered = org.decision(lowRisk, channel);
        assertThat(filtered.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(filtered.get("reason").stringValue()).contains("min_risk_score 70");
        eventually().until(() -> PAGERDUTY.changeEventsFor(routingKey).size() == 1);
    }

    @Test
    void aMaintenanceWindowMutesTheTriggerButNotTheChange() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        ApiResponse window = org.admin().post("/api/notifications/maintenance-windows", Map.of("name", "upgrade",
                "starts_at", Instant.now().minusSeconds(60).toString(),
                "ends_at", Instant.now().plusSeconds(3600).toString()));
        assertThat(window.status()).as(window.body()).isEqualTo(201);

        List<String> ids = org.postBatch(Events.batch(Events.trigger("action.blocked", Events.newActionId(), 90),
                Events.event("agent.deployed").put("agent_id", "agent-7")));

        assertThat(org.decision(ids.get(0), channel).get("outcome").stringValue()).isEqualTo("suppressed");
        assertThat(org.decision(ids.get(1), channel).get("outcome").stringValue()).isEqualTo("queued");
        eventually().until(() -> PAGERDUTY.changeEventsFor(routingKey).size() == 1);
    }
}
