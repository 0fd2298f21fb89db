package app.ascend.notify.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * A resolve may name its incident by {@code dedup_key} alone, the key its trigger was sent with: dedup
 * keys are honoured everywhere else, so a follow-up that carries only the key must close the alert.
 */
class ResolveByDedupKeyIT extends ApiTest {

    @Test
    void aResolveWithOnlyADedupKeyClosesTheIncidentOfThatKey() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String dedupKey = "ticket-" + Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95).put("dedup_key", dedupKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted(dedupKey).size() == 1);

        String resolve = org.postEvent(Events.event("action.resolved").put("dedup_key", dedupKey));

        eventually().until(() -> pagerDuty.incident(dedupKey).status() == IncidentStatus.RESOLVED);
        assertThat(org.decision(resolve, channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(pagerDuty.accepted(dedupKey)).extracting(e -> e.get("event_action").stringValue())
                .containsExactly("trigger", "resolve");
    }

    @Test
    void anAcknowledgeWithOnlyADedupKeyIsAcceptedToo() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String dedupKey = "ticket-" + Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95).put("dedup_key", dedupKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted(dedupKey).size() == 1);

        org.postEvent(Events.event("action.acknowledged").put("dedup_key", dedupKey));

        eventually().until(() -> pagerDuty.incident(dedupKey).status() == IncidentStatus.ACKNOWLEDGED);
    }
}
