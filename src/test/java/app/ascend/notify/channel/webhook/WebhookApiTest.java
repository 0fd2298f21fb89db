package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the webhook integration tests: the service allows loopback (the receiver is on 127.0.0.1, as
 * an operator allows a local receiver with ASCEND_OUTBOUND_ALLOW), gives up on a receiver after 2 s, and
 * ends a rotation's grace after 6 s. Every class extending this shares one Spring context; each test has
 * its own receiver and organization.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.webhook.timeout=2s",
        "ascend.webhook.rotation-grace=6s" })
abstract class WebhookApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";
    protected WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A webhook channel body for a URL of this test's receiver. */
    static Map<String, Object> webhook(String name, String url, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", name);
        channel.put("type", "webhook");
        channel.put("events", events);
        channel.put("config", config);
        return channel;
    }

    /** A fresh path token: each channel's URL is its own, and stands for a secret in the path. */
    static String newToken() {
        return "tok_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Creates a webhook channel, expects 201, answers the created channel (with its secret, shown once). */
    static JsonNode createWebhook(Pipeline pipeline, String url, List<String> events) {
        ApiResponse created = pipeline.admin().post(CHANNELS, webhook("Webhook " + UUID.randomUUID(), url, events));
        assertThat(created.status()).as("creating a webhook channel: %s", created).isEqualTo(201);
        return created.json();
    }

    static String secretOf(JsonNode created) {
        return created.get("config").get("secret").stringValue();
    }
}
