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
 * {@code filters.risk_levels}: a channel for "lower-severity alerts" as a list of the levels of
 * {@code GET /api/risk-levels}. A trigger passes when the level it is shown with is listed (its own
 * {@code risk_level}, else its score's band, else its type's default); the explain view names the level.
 */
class RiskLevelsFilterIT extends ApiTest {

    @Test
    void onlyTriggersOfTheListedLevelsPassAndTheSkipIsExplained() {
        Pipeline org = newPipeline();
        String key = newRoutingKey();
        var body = PipelineChannels.pagerDuty(key);
        body.putObject("filters").putArray("risk_levels").add("low").add("medium");
        String channel = org.createChannel(body);
        String medium = Events.newActionId();
        String low = Events.newActionId();

        var ids = org.postBatch(Events.batch(
                Events.trigger("action.blocked", Events.newActionId(), 85),
                Events.trigger("action.blocked", medium, 69),
                Events.event("auth.failed").put("action_id", low).put("risk_level", "low"),
                Events.event("action.blocked").put("action_id", Events.newActionId())));

        PagerDutyInbox inbox = inbox(key);
        eventually().until(() -> inbox.accepted().size() == 2);
        assertThat(inbox.accepted("ascend-" + medium)).hasSize(1);
        assertThat(inbox.accepted("ascend-" + low)).hasSize(1);
        JsonNode high = org.decision(ids.get(0), channel);
        assertThat(high.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(high.get("reason").stringValue()).isEqualTo("risk level high is not among the channel's risk_levels medium, low");
        // No score or level: action.blocked's default level (high) is the one it is shown with.
        assertThat(org.decision(ids.get(3), channel).get("reason").stringValue())
                .isEqualTo("risk level high is not among the channel's risk_levels medium, low");
        JsonNode read = org.admin().get("/api/notifications/channels/" + channel).json();
        assertThat(read.get("filters").get("risk_levels").toString()).isEqualTo("[\"medium\",\"low\"]");
    }
}
