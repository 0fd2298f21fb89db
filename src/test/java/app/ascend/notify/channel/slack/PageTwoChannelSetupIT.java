package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * The product page's next step, "Slack for lower-severity alerts", as two channel bodies: PagerDuty for risk
 * 70–100, Slack for 0–69. Each alert reaches one of them, and each approval follows its alert: PagerDuty's
 * incident resolves, Slack's message is updated and answered in its thread, and Slack never hears of the
 * approval of an alert it never showed.
 */
class PageTwoChannelSetupIT extends SlackApiTest {

    @Test
    void highRiskPagesTheRestGoesToSlackAndEachApprovalFollowsItsAlert() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String channel = newSlackChannel();
        List<String> events = List.of("action.blocked", "policy.violation", "action.approved");
        Map<String, Object> pagerDuty = new LinkedHashMap<>(Map.of("name", "PagerDuty high risk", "type", "pagerduty",
                "events", events, "config", Map.of("routing_key", routingKey), "filters", Map.of("min_risk_score", 70)));
        assertThat(pipeline.admin().post(CHANNELS, pagerDuty).status()).isEqualTo(201);
        Map<String, Object> slackBody = botChannel(channel, newBotToken(), events);
        slackBody.put("filters", Map.of("max_risk_score", 69));
        String slackId = create(pipeline, slackBody).get("id").stringValue();
        String high = Events.newActionId();
        String low = Events.newActionId();

        pipeline.postEvent(Events.trigger("action.blocked", high, 85));
        pipeline.postEvent(Events.trigger("policy.violation", low, 40));
        eventually().until(() -> accepted(channel).size() == 1 && inbox(routingKey).accepted().size() == 1);

        assertThat(inbox(routingKey).accepted()).singleElement()
                .satisfies(event -> assertThat(event.get("dedup_key").stringValue()).isEqualTo("ascend-" + high));
        assertThat(accepted(channel).get(0).body().toString()).contains("ascend-" + low).doesNotContain("ascend-" + high);

        String highApproval = pipeline.postEvent(Events.approval(high));
        pipeline.postEvent(Events.approval(low));
        eventually().until(() -> inbox(routingKey).accepted().size() == 2 && accepted(channel).size() == 3);

        assertThat(inbox(routingKey).accepted().get(1).get("event_action").stringValue()).isEqualTo("resolve");
        List<SlackPost> posts = accepted(channel);
        assertThat(posts).extracting(SlackPost::via).containsExactly("chat.postMessage", "chat.update", "chat.postMessage");
        assertThat(posts.get(1).ts()).as("the alert updated").isEqualTo(posts.get(0).ts());
        assertThat(posts.get(2).threadTs()).as("the reply in its thread").isEqualTo(posts.get(0).ts());
        assertThat(posts).allSatisfy(post -> assertThat(post.body().toString()).doesNotContain("ascend-" + high));
        JsonNode notShown = pipeline.decision(highApproval, slackId);
        assertThat(notShown.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(notShown.get("reason").stringValue()).contains("no trigger went to this channel");
    }
}
