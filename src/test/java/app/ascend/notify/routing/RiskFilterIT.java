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
 * only; an event without a score does not pass. Channels not subscribed to the type, and disabled
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
