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
 * trigger reaches exactly one of them, and the explain view says why the other held it back. Follow-ups keep
 * each type's rules: PagerDuty's resolve goes where an incident is open; Teams, which takes every subscribed
 * event as a message of its own, gets every approval, also of an alert only PagerDuty showed (the card names the
 * alert by its dedup key), since a filter holds back new triggers, never the news that one was approved.
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
        pipeline.postEvent(Events.approval(high));
        pipeline.postEvent(Events.approval(low));

        PagerDutyInbox inbox = inbox(routingKey);
        eventually().until(() -> inbox.accepted("ascend-" + high).size() == 2 && posted(flow).size() == 3);
        assertThat(inbox.accepted("ascend-" + low)).isEmpty();
        List<String> titles = posted(flow).stream().map(TeamsApiTest::title).toList();
        assertThat(titles).containsExactlyInAnyOrder("MEDIUM risk: Policy violation", "Approved: the alert",
                "Approved: the alert");
        List<ReceivedTeamsPost> lowCards = posted(flow).stream()
                .filter(p -> p.card().toString().contains("ascend-" + low)).toList();
        assertThat(lowCards).extracting(TeamsApiTest::title).containsExactly("MEDIUM risk: Policy violation", "Approved: the alert");

        JsonNode heldBack = pipeline.decision(ids.get(0), teamsId);
        assertThat(heldBack.get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(heldBack.get("reason").stringValue()).isEqualTo("risk score 85 is above the channel's max_risk_score 69");
        JsonNode belowPaging = pipeline.decision(ids.get(1), pagerDuty);
        assertThat(belowPaging.get("reason").stringValue()).isEqualTo("min_risk_score 70 > risk_score 69");
        assertThat(pipeline.decision(ids.get(1), teamsId).get("outcome").stringValue()).isEqualTo("queued");
    }
}
