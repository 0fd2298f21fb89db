package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * A bot-token Slack channel, end to end over real HTTP: the alert is posted with {@code chat.postMessage}, its
 * {@code ts} kept with the delivery; the approval updates that same message ({@code chat.update} with the same
 * {@code channel} and {@code ts}) and replies in its thread saying who and when.
 */
class SlackBotUpdatesTheAlertOnResolveIT extends SlackApiTest {

    @Test
    void theApprovalUpdatesTheAlertAndRepliesInItsThread() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        String token = newBotToken();
        JsonNode created = create(pipeline, botChannel(channel, token, List.of("action.blocked", "action.approved")));
        String actionId = Events.newActionId();

        String triggerId = pipeline.postEvent(Events.pageExample(actionId).put("type", "action.blocked"));
        eventually().until(() -> accepted(channel).size() == 1);
        pipeline.postEvent(Events.approval(actionId).put("user", "reviewer@acme.example"));
        eventually().until(() -> accepted(channel).size() == 3);

        List<SlackPost> posts = accepted(channel);
        assertThat(posts).extracting(SlackPost::via).containsExactly("chat.postMessage", "chat.update", "chat.postMessage");
        String ts = posts.get(0).ts();
        assertThat(posts).allSatisfy(post -> assertThat(post.token()).isEqualTo(token));
        assertThat(posts.get(1).ts()).as("the update's ts").isEqualTo(ts);
        assertThat(posts.get(1).body().get("channel").stringValue()).isEqualTo(channel);
        assertThat(posts.get(1).header()).startsWith("✅ RESOLVED · ");
        assertThat(posts.get(2).threadTs()).as("the reply's thread").isEqualTo(ts);
        assertThat(posts.get(2).text()).contains("reviewer@acme.example").contains("action.approved");
        JsonNode now = slack().message(channel, ts).orElseThrow();
        assertThat(now.get("edited").asBoolean()).isTrue();

        String channelId = created.get("id").stringValue();
        eventually().untilAsserted(() -> assertThat(pipeline.allDeliveries("channel_id=" + channelId)).hasSize(2)
                .allSatisfy(d -> assertThat(d.get("status").stringValue()).isEqualTo("delivered")));
        JsonNode trigger = pipeline.deliveryOf(triggerId);
        assertThat(trigger.get("destination").stringValue()).isEqualTo("channel " + channel + " (bot token ****"
                + token.substring(token.length() - 4) + ")");
        String log = pipeline.admin().get("/api/notifications/deliveries?channel_id=" + channelId).body();
        assertThat(log).doesNotContain(token);
    }

    @Test
    void anAlertRefusedBySlackLeavesTheFollowUpANewMessage() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked", "action.approved")));
        String actionId = Events.newActionId();
        slack().injectFault(app.ascend.notify.simulator.SlackFault.error(channel, "msg_blocks_too_long", 1));

        String triggerId = pipeline.postEvent(Events.trigger("action.blocked", actionId, 80));
        eventually().until(() -> status(pipeline, pipeline.deliveryOf(triggerId).get("id").stringValue()).equals("failed"));
        pipeline.postEvent(Events.approval(actionId));
        eventually().until(() -> accepted(channel).size() == 1);

        SlackPost followUp = accepted(channel).get(0);
        assertThat(followUp.via()).isEqualTo("chat.postMessage");
        assertThat(followUp.threadTs()).isNull();
        assertThat(followUp.header()).isEqualTo("✅ Resolved · Action approved");
    }
}
