package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * The product page's next step, "Configure Slack/Teams integration for lower-severity alerts", as two channel
 * bodies: PagerDuty for 70-100 ({@code min_risk_score 70}) and Teams for 0-69 ({@code min 0, max 69}). Each
 * trigger reaches exactly one of them, and the explain view says why the other held it back. Each approval
 * follows its alert: PagerDuty's resolve goes where an incident is open, Teams' approval card only where its
 * alert card went, so the chat channel never hears of an alert it never showed.
 */
class TeamsLowerSeverityBesidePagerDutyIT extends TeamsApiTest {

    @Test
    void highRiskPagesAndTheRestGoesToTeams() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String flow = newFlow();
        String pagerDuty = pipeline.createChannel(PipelineChannels.withRiskScores(PipelineChannels.pagerDuty(routingKey), 70, null));
        Map<String, Object> lowerSeverity = teams("Teams lower-severity", urlOf(flow), null);
        lowerSeverity.put("filters", Map.of("min_risk_score", 0, "max_risk_score", 69));
        String teamsId = pipeline.createChannel(lowerSeverity);
        String high = Events.newActionId();
        String low = Events.newActionId();

        var ids = pipeline.postBatch(Events.batch(
                Events.trigger("action.blocked", high, 85),
                Events.trigger("policy.violation", low, 69)));
        String highApproval = pipeline.postEvent(Events.approval(high));
        pipeline.postEvent(Events.approval(low));

        PagerDutyInbox inbox = inbox(routingKey);
        eventually().until(() -> inbox.accepted("ascend-" + high).size() == 2 && posted(flow).size() == 2);
        assertThat(inbox.accepted("ascend-" + low)).isEmpty();
        List<String> titles = posted(flow).stream().map(TeamsApiTest::title).toList();
        assertThat(titles).containsExactly("MEDIUM risk: Policy violation", "Approved: the alert");
        List<ReceivedTeamsPost> lowCards = posted(flow).stream()
                .filter(p -> p.card().toString().contains("ascend-" + low)).toList();
        assertThat(lowCards).extracting(TeamsApiTest::title).containsExactly("MEDIUM risk: Policy violation", "Approved: the alert");

        JsonNode heldBack = pipeline.decision(ids.get(0), teamsId);
        assertThat(heldBack.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(heldBack.get("reason").stringValue()).isEqualTo("risk score 85 is above the channel's max_risk_score 69");
        JsonNode belowPaging = pipeline.decision(ids.get(1), pagerDuty);
        assertThat(belowPaging.get("reason").stringValue()).isEqualTo("min_risk_score 70 > risk_score 69");
        assertThat(pipeline.decision(ids.get(1), teamsId).get("outcome").stringValue()).isEqualTo("queued");
        JsonNode notShown = pipeline.decision(highApproval, teamsId);
        assertThat(notShown.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(notShown.get("reason").stringValue()).isEqualTo("no trigger went to this channel for dedup key ascend-"
                + high + ", so there is no alert of it to follow up");
    }
}
