package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.event.EventType;
import tools.jackson.databind.JsonNode;

/**
 * One send against a real local receiver: the headers and signature a Standard Webhooks receiver
 * checks (verified with the reference library), a URL that became private refused without a request,
 * a deleted channel refused.
 */
class WebhookSendTest {
    private HttpServer receiver;
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/secret-token";
    }

    @Test
    void aSendIsSignedAsSentWithTheDeliveryIdAndTheTimeOfTheAttempt() throws Exception {
        Instant now = Instant.now();
        WebhookChannelType type = WebhookTypes.withPolicy("127.0.0.0/8", Duration.ofSeconds(5), Clock.fixed(now, ZoneOffset.UTC));
        WebhookSettings settings = new WebhookSettings(url(), 600, WebhookSecret.generate(), null, null, Duration.ofHours(24));
        JsonNode payload = type.render(WebhookPayloadTest.CHANNEL, WebhookPayloadTest.event(EventType.POLICY_VIOLATION, "evt_1"),
                "Acme ünïcode").payload();

        SendResult result = type.send(new Outgoing("dlv_01JABC", "org", "chan", MessageKind.TRIGGER, url(), payload, 1, settings));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        Map<String, List<String>> got = headers.get(0);
        assertThat(got.get("Webhook-id")).containsExactly("dlv_01JABC");
        assertThat(got.get("Webhook-timestamp")).containsExactly(Long.toString(now.getEpochSecond()));
        assertThat(got.get("Content-type")).containsExactly("application/json");
        assertThat(got.get("Webhook-signature").get(0)).startsWith("v1,").doesNotContain(" ");
        new Webhook(settings.secret()).verify(bodies.get(0), got); // throws unless valid
        assertThat(bodies.get(0)).isEqualTo(new String(WebhookPayload.bytes(payload), StandardCharsets.UTF_8));
    }

    @Test
    void aUrlThatIsPrivateAtSendIsRefusedWithoutARequest() {
        WebhookChannelType type = WebhookTypes.withPolicy(""); // e.g. the allow-list was narrowed since the save
        WebhookSettings settings = new WebhookSettings(url(), 600, WebhookSecret.generate(), null, null, Duration.ofHours(24));
        JsonNode payload = type.render(WebhookPayloadTest.CHANNEL, WebhookPayloadTest.event(EventType.ACTION_BLOCKED, "e"), "A")
                .payload();

        SendResult result = type.send(new Outgoing("dlv_1", "org", "chan", MessageKind.TRIGGER, url(), payload, 1, settings));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.message()).contains("loopback").doesNotContain("secret-token");
        assertThat(headers).isEmpty();
    }

    @Test
    void aDeletedChannelIsRefused() {
        WebhookChannelType type = WebhookTypes.withPolicy("127.0.0.0/8");
        JsonNode payload = type.render(WebhookPayloadTest.CHANNEL, WebhookPayloadTest.event(EventType.ACTION_BLOCKED, "e"), "A")
                .payload();

        SendResult result = type.send(new Outgoing("dlv_1", "org", "chan", MessageKind.TRIGGER, url(), payload, 1, null));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.message()).isEqualTo("the channel was deleted");
        assertThat(headers).isEmpty();
    }
}
