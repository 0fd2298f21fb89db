package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * The page's "Configure Slack/Teams integration for lower-severity alerts": {@code filters.max_risk_score}
 * (inclusive) beside {@code min_risk_score}, so one channel takes 70-100 and another 0-69 and every scored
 * trigger reaches exactly one of them; a risk level counts as its band's lowest score against both bounds;
 * {@code GET /api/events/{id}} explains the skip in words and numbers; an open incident still closes.
 */
class MaxRiskScoreFilterIT extends ApiTest {

    @Test
    void highAndLowerSeverityChannelsSplitEveryScoredTrigger() {
        Pipeline org = newPipeline();
        String highKey = newRoutingKey();
        String lowKey = newRoutingKey();
        String high = org.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(highKey), 70, null));
        String low = org.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(lowKey), 0, 69));
        String at69 = Events.newActionId();
        String at70 = Events.newActionId();
        String at0 = Events.newActionId();
        String at100 = Events.newActionId();

        var ids = org.postBatch(Events.batch(
                Events.trigger("action.blocked", at69, 69),
                Events.trigger("action.blocked", at70, 70),
                Events.trigger("action.blocked", at0, 0),
                Events.trigger("action.blocked", at100, 100)));

        PagerDutyInbox highInbox = inbox(highKey);
        PagerDutyInbox lowInbox = inbox(lowKey);
        eventually().until(() -> highInbox.accepted().size() == 2 && lowInbox.accepted().size() == 2);
        assertThat(highInbox.accepted("ascend-" + at70)).hasSize(1);
        assertThat(highInbox.accepted("ascend-" + at100)).hasSize(1);
        assertThat(lowInbox.accepted("ascend-" + at69)).hasSize(1);
        assertThat(lowInbox.accepted("ascend-" + at0)).hasSize(1);
        assertThat(org.decision(ids.get(0), low).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(org.decision(ids.get(0), high).get("outcome").stringValue()).isEqualTo("filtered");
        JsonNode above = org.decision(ids.get(1), low);
        assertThat(above.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(above.get("reason").stringValue()).isEqualTo("risk score 70 is above the channel's max_risk_score 69");
        assertThat(above.get("deliveries")).isEmpty();
    }

    @Test
    void theExplainViewNamesTheMaximumThatHeldATriggerBack() {
        Pipeline org = newPipeline();
        String channel = org.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(newRoutingKey()), 0, 69));

        String id = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));

        JsonNode explained = org.explain(id);
        assertThat(explained.get("decisions")).hasSize(1);
        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(decision.get("reason").stringValue()).isEqualTo("risk score 85 is above the channel's max_risk_score 69");
        assertThat(decision.get("deliveries")).isEmpty();
        assertThat(org.deliveriesOf(id)).isEmpty();
    }

    @Test
    void aRiskLevelCountsAsItsBandsLowestScoreAgainstTheMaximum() {
        Pipeline org = newPipeline();
        String lowKey = newRoutingKey();
        String low = org.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(lowKey), null, 69));
        String high = Events.newActionId();
        String medium = Events.newActionId();

        var ids = org.postBatch(Events.batch(
                Events.event("action.blocked").put("action_id", high).put("risk_level", "high"),
                Events.event("action.blocked").put("action_id", medium).put("risk_level", "medium"),
                Events.event("action.blocked").put("action_id", Events.newActionId())));

        PagerDutyInbox inbox = inbox(lowKey);
        eventually().until(() -> inbox.accepted("ascend-" + medium).size() == 1);
        JsonNode filtered = org.decision(ids.get(0), low);
        assertThat(filtered.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(filtered.get("reason").stringValue())
                .isEqualTo("risk_level high counts as 70, above the channel's max_risk_score 69");
        JsonNode passed = org.decision(ids.get(1), low);
        assertThat(passed.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(passed.get("reason").stringValue()).endsWith("(risk_level medium counts as 40 against max_risk_score 69)");
        JsonNode unscored = org.decision(ids.get(2), low);
        assertThat(unscored.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(unscored.get("reason").stringValue())
                .isEqualTo("max_risk_score 69, but the event has no risk_score or risk_level");
        assertThat(inbox.accepted("ascend-" + high)).isEmpty();
    }

    @Test
    void anApprovalClosesTheIncidentWhateverTheMaximum() {
        Pipeline org = newPipeline();
        String key = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(key), 0, 69));
        String action = Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", action, 60));

        // The approval carries a higher score than the channel takes: a follow-up is news about a trigger, never filtered.
        String approval = org.postEvent(Events.approval(action).put("risk_score", 95));

        PagerDutyInbox inbox = inbox(key);
        eventually().until(() -> inbox.accepted("ascend-" + action).size() == 2);
        assertThat(org.decision(approval, channel).get("outcome").stringValue()).isEqualTo("queued");
    }
}
