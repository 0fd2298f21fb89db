package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackFault;
import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Slack's refusals ({@code ok:false} in an HTTP 200: {@code invalid_auth}, {@code channel_not_found}) fail the
 * delivery at once, with what to fix, never retried; {@code ratelimited} (HTTP 429) waits for its
 * {@code Retry-After}; an archived webhook (410) disables the channel.
 */
class SlackRefusalsAndRateLimitsIT extends SlackApiTest {

    @Test
    void invalidAuthIsRefusedOnceWithWhatToFix() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        String token = newBotToken();
        slack().setTokenState(token, "invalid_auth");
        create(pipeline, botChannel(channel, token, List.of("action.blocked")));

        JsonNode delivery = failedDelivery(pipeline);

        assertThat(slack().postsTo(channel)).hasSize(1);
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("message").stringValue()).contains("invalid_auth")
                .contains("config.bot_token");
    }

    @Test
    void channelNotFoundIsRefusedOnce() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        slack().setChannelState(channel, "not_found");
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked")));

        JsonNode delivery = failedDelivery(pipeline);

        assertThat(slack().postsTo(channel)).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("message").stringValue()).contains("channel_not_found");
    }

    @Test
    void ratelimitedWaitsForRetryAfter() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        slack().injectFault(SlackFault.ratelimited(channel, 3, 1));
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked")));

        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 70));
        eventually().until(() -> accepted(channel).size() == 1);

        List<SlackPost> posts = slack().postsTo(channel);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).status()).isEqualTo(429);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        eventually().until(() -> pipeline.deliveryOf(eventId).get("status").stringValue().equals("delivered"));
    }

    @Test
    void anInternalErrorIsRetried() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        slack().injectFault(SlackFault.error(channel, "internal_error", 1));
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked")));

        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 70));
        eventually().until(() -> pipeline.deliveryOf(eventId).get("status").stringValue().equals("delivered"));

        assertThat(slack().postsTo(channel)).extracting(SlackPost::error).containsExactly("internal_error", null);
    }

    @Test
    void anArchivedWebhookDisablesTheChannel() {
        Pipeline pipeline = newPipeline();
        String hook = newWebhookName();
        slack().setWebhookState(hook, "archived");
        String channelId = create(pipeline, webhookChannel(hook, List.of("action.blocked"))).get("id").stringValue();

        failedDelivery(pipeline);

        JsonNode channel = pipeline.admin().get(CHANNELS + "/" + channelId).json();
        assertThat(channel.get("enabled").asBoolean()).isFalse();
        assertThat(channel.get("disabled_reason").stringValue()).contains("channel_is_archived").contains("unarchive");
        assertThat(channel.toString()).doesNotContain(hook);
    }

    private JsonNode failedDelivery(Pipeline pipeline) {
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 70));
        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty()
                && pipeline.deliveryOf(eventId).get("status").stringValue().equals("failed"));
        return pipeline.admin().get("/api/notifications/deliveries/" + pipeline.deliveryOf(eventId).get("id").stringValue())
                .json();
    }
}
