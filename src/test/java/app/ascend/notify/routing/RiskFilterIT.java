package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * The page's "Route by Risk Level": a channel with {@code min_risk_score} 90 pages for 90 and above
 * only; an event without a score counts as its {@code risk_level}'s band (the page's severity table:
 * critical 90, high 70, medium 40, low 0), and one with neither does not pass. Channels not subscribed to the type, and disabled
 * channels, page nothing. Every skip is a recorded decision with the reason in words and numbers.
 */
class RiskFilterIT extends ApiTest {

    @Test
    void theCriticalOnlyChannelPagesForNinetyAndFiltersEightyNine() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.page(PageBodies.CRITICAL_ONLY_CHANNEL, "critical-service-key", routingKey));
        String below = Events.newActionId();
        String at = Events.newActionId();

        var ids = org.postBatch(Events.batch(
                Events.trigger("action.blocked", below, 89),
                Events.trigger("action.blocked", at, 90)));

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted("ascend-" + at).size() == 1);
        JsonNode filtered = org.decision(ids.get(0), channel);
        assertThat(filtered.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(filtered.get("reason").stringValue()).isEqualTo("min_risk_score 90 > risk_score 89");
        assertThat(filtered.get("deliveries")).isEmpty();
        assertThat(org.decision(ids.get(1), channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(pagerDuty.accepted("ascend-" + below)).isEmpty();
        assertThat(pagerDuty.accepted()).hasSize(1);
    }

    @Test
    void anEventWithoutAScoreDoesNotPassAMinimum() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.page(PageBodies.CRITICAL_ONLY_CHANNEL, "critical-service-key", routingKey));

        String id = org.postEvent(Events.event("anomaly.detected").put("action_id", Events.newActionId()));

        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(decision.get("reason").stringValue()).contains("min_risk_score 90").contains("no risk_score");
        assertThat(decision.get("deliveries")).isEmpty();
    }

    @Test
    void aRiskLevelWithoutAScoreCountsAsItsBandsScore() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey), 70));
        String high = Events.newActionId();
        String medium = Events.newActionId();
        String critical = Events.newActionId();

        var ids = org.postBatch(Events.batch(
                Events.event("action.blocked").put("action_id", high).put("risk_level", "high"),
                Events.event("action.blocked").put("action_id", medium).put("risk_level", "medium"),
                Events.event("anomaly.detected").put("action_id", critical).put("risk_level", "critical")));

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted("ascend-" + high).size() == 1
                && pagerDuty.accepted("ascend-" + critical).size() == 1);
        JsonNode passed = org.decision(ids.get(0), channel);
        assertThat(passed.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(passed.get("reason").stringValue()).contains("risk_level high counts as 70");
        JsonNode filtered = org.decision(ids.get(1), channel);
        assertThat(filtered.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(filtered.get("reason").stringValue()).isEqualTo("min_risk_score 70 > 40 (risk_level medium counts as 40)");
        assertThat(org.decision(ids.get(2), channel).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(pagerDuty.accepted("ascend-" + medium)).isEmpty();
    }

    @Test
    void aRiskScoreWinsOverTheRiskLevel() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey), 70));

        String id = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50).put("risk_level", "critical"));

        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(decision.get("reason").stringValue()).isEqualTo("min_risk_score 70 > risk_score 50");
    }

    @Test
    void aChannelNotSubscribedToTheTypeIsNotPaged() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey, "auth.failed", "auth.mfa_failed"));

        String id = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 99));

        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("not_subscribed");
        assertThat(decision.get("reason").stringValue()).contains("action.blocked");
        assertThat(decision.get("deliveries")).isEmpty();
        assertThat(org.deliveriesOf(id)).isEmpty();
    }

    @Test
    void aDisabledChannelIsNotPaged() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey).put("enabled", false));

        String id = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 99));

        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("disabled");
        assertThat(decision.get("reason").stringValue()).isEqualTo("channel is disabled");
        assertThat(decision.get("deliveries")).isEmpty();
        assertThat(org.deliveriesOf(id)).isEmpty();
    }
}
