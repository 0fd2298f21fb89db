package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.simulator.SlackStandIn;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the Slack integration tests: the service posts to the simulator's Slack stand-in (its Web API through
 * {@code ascend.slack.api-url}, set for every IT; webhook URLs on 127.0.0.1, which the operator allows here as
 * ASCEND_OUTBOUND_ALLOW would). The same properties as the webhook ITs, so both share one Spring context. Each test
 * uses its own Slack channel id or webhook name and its own organization.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.webhook.timeout=2s",
        "ascend.webhook.rotation-grace=6s" })
abstract class SlackApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";

    static SlackStandIn slack() {
        return PAGERDUTY.slack();
    }

    /** A fresh Slack channel id of the stand-in, C and 10 upper-case letters and digits. */
    static String newSlackChannel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String newBotToken() {
        return "xoxb-" + System.nanoTime() % 1_000_000 + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    static String newWebhookName() {
        return "hook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String webhookUrl(String name) {
        return PAGERDUTY.baseUrl() + "/slack/webhooks/" + name;
    }

    static Map<String, Object> botChannel(String channel, String token, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bot_token", token);
        config.put("channel", channel);
        return body("Slack " + channel, config, events);
    }

    static Map<String, Object> webhookChannel(String name, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("webhook_url", webhookUrl(name));
        return body("Slack webhook " + UUID.randomUUID().toString().substring(0, 8), config, events);
    }

    private static Map<String, Object> body(String name, Map<String, Object> config, List<String> events) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", name);
        channel.put("type", "slack");
        channel.put("events", events);
        channel.put("config", config);
        return channel;
    }

    static JsonNode create(Pipeline pipeline, Map<String, Object> body) {
        ApiResponse created = pipeline.admin().post(CHANNELS, body);
        assertThat(created.status()).as("creating a Slack channel: %s", created).isEqualTo(201);
        return created.json();
    }

    static List<SlackPost> accepted(String target) {
        return slack().postsTo(target).stream().filter(SlackPost::accepted).toList();
    }

    static String status(Pipeline pipeline, String deliveryId) {
        return pipeline.admin().get("/api/notifications/deliveries/" + deliveryId).json().get("status").stringValue();
    }
}
