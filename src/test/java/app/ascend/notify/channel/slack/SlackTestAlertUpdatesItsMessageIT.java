package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * "Send Test Alert" with {@code resolve} on a bot-token Slack channel: the test message is posted, then updated to
 * resolved with a thread reply, both within the channel's rate; the answer shows the message as posted.
 */
class SlackTestAlertUpdatesItsMessageIT extends SlackApiTest {

    @Test
    void theTestAlertAndItsResolve() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        String id = create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked"))).get("id").stringValue();

        ApiResponse answer = pipeline.admin().post("/api/notifications/test", Map.of("channel_id", id, "resolve", true));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("success").asBoolean()).as(answer.body()).isTrue();
        assertThat(json.get("resolve").get("success").asBoolean()).as(answer.body()).isTrue();
        assertThat(json.get("payload").get("blocks").get(0).get("text").get("text").stringValue())
                .isEqualTo("🧪 TEST · LOW · Test alert");
        assertThat(json.get("payload").has("ascend")).isFalse();
        List<SlackPost> posts = accepted(channel);
        assertThat(posts).extracting(SlackPost::via).containsExactly("chat.postMessage", "chat.update", "chat.postMessage");
        assertThat(posts.get(1).ts()).isEqualTo(posts.get(0).ts());
        assertThat(posts.get(1).header()).isEqualTo("✅ RESOLVED · LOW · Test alert");
        assertThat(posts.get(2).threadTs()).isEqualTo(posts.get(0).ts());
    }
}
