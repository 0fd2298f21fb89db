package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * "When an action is approved or resolved" the page sends a resolve with the same dedup key: only to
 * the channels and keys a trigger went to, and there whatever the approval's own score or the channel's
 * filters and subscriptions. {@code action.acknowledged} acknowledges on the same terms.
 */
class ResolveOnApprovalIT extends ApiTest {

    @Test
    void theResolveGoesOnlyWhereTheTriggerWent() {
        Pipeline org = newPipeline();
        String pagedKey = newRoutingKey();
        String criticalOnlyKey = newRoutingKey();
        String paged = org.createChannel(PipelineChannels.pagerDuty(pagedKey));
        String criticalOnly = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(criticalOnlyKey), 90));
        String action = Events.newActionId();
        String trigger = org.postEvent(Events.trigger("action.blocked", action, 50));
        assertThat(org.decision(trigger, criticalOnly).get("outcome").stringValue()).isEqualTo("filtered");
        eventually().until(() -> inbox(pagedKey).accepted().size() == 1);

        String approval = org.postEvent(Events.approval(action));

        eventually().until(() -> inbox(pagedKey).accepted().size() == 2);
        assertThat(inbox(pagedKey).accepted().get(1).get("event_action").stringValue()).isEqualTo("resolve");
        assertThat(inbox(pagedKey).incident("ascend-" + action).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(org.decision(approval, paged).get("outcome").stringValue()).isEqualTo("queued");
        JsonNode nothing = org.decision(approval, criticalOnly);
        assertThat(nothing.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(nothing.get("reason").stringValue()).contains("ascend-" + action).contains("nothing to resolve");
        assertThat(nothing.get("deliveries")).isEmpty();
        assertThat(inbox(criticalOnlyKey).requests()).isEmpty();
    }

    @Test
    void theResolveReachesAChannelWhoseFiltersAndEventsTheApprovalItselfWouldNotPass() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(
                PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey, "action.blocked"), 90));
        String action = Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", action, 95));
        eventually().until(() -> inbox(routingKey).accepted().size() == 1);

        String approval = org.postEvent(Events.approval(action).put("risk_score", 10));

        eventually().until(() -> inbox(routingKey).accepted().size() == 2);
        assertThat(org.decision(approval, channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(inbox(routingKey).incident("ascend-" + action).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void anAcknowledgementAcknowledgesAndALaterResolutionResolves() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;
        PagerDutyInbox pagerDuty = inbox(routingKey);
        org.postEvent(Events.trigger("anomaly.detected", action, 70));
        eventually().until(() -> pagerDuty.accepted().size() == 1);

        String acknowledgement = org.postEvent(Events.event("action.acknowledged").put("action_id", action));

        eventually().until(() -> pagerDuty.accepted().size() == 2);
        assertThat(org.decision(acknowledgement, channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(pagerDuty.accepted(dedupKey).get(1).get("event_action").stringValue()).isEqualTo("acknowledge");
        assertThat(pagerDuty.incident(dedupKey).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

        org.postEvent(Events.event("action.resolved").put("action_id", action));

        eventually().until(() -> pagerDuty.accepted().size() == 3);
        assertThat(pagerDuty.accepted(dedupKey).stream().map(e -> e.get("event_action").stringValue()).toList())
                .isEqualTo(List.of("trigger", "acknowledge", "resolve"));
        assertThat(pagerDuty.incident(dedupKey).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void anAcknowledgementWithoutATriggerSendsNothing() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));

        String acknowledgement = org.postEvent(Events.event("action.acknowledged").put("action_id", Events.newActionId()));

        JsonNode decision = org.decision(acknowledgement, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(decision.get("reason").stringValue()).contains("nothing to acknowledge");
        assertThat(org.deliveriesOf(acknowledgement)).isEmpty();
    }
}
