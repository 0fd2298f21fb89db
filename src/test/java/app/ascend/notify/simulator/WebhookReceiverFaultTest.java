package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each webhook fault kind, injected through the Java API, as a sender under test would meet it. */
class WebhookReceiverFaultTest {

    private static final String BODY = "{\"type\":\"governance.action.blocked\"}";

    private final SignedWebhooks sender = new SignedWebhooks();
    private final String secret = SignedWebhooks.newSecret(32);
    private PagerDutySimulator sim;
    private String url;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.start(0);
        url = sim.webhookUrl("ops-hook");
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> deliver(String id) {
        return sender.deliver(url, id, System.currentTimeMillis() / 1000, BODY, secret);
    }

    @Test
    void aStatusFaultAnswersTheNextRequestsThenTheyAreHandled() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.status(503, 2));

        HttpResponse<String> first = deliver("msg_1");
        HttpResponse<String> second = deliver("msg_1");
        HttpResponse<String> third = deliver("msg_1");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"error\":\"injected\"}");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(204);
        assertThat(sim.webhooks().requests("ops-hook")).extracting(ReceivedWebhook::status)
                .containsExactly(503, 503, 204);
        assertThat(sim.webhooks().messages("ops-hook")).singleElement()
                .satisfies(message -> assertThat(message.duplicate()).isFalse());
        assertThat(sim.webhooks().fault("ops-hook")).isEmpty();
    }

    @Test
    void a429FaultCarriesRetryAfter() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.statusWithRetryAfter(429, "2", 1));

        HttpResponse<String> throttled = deliver("msg_1");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(deliver("msg_1").headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void a410FaultWithoutCountLastsUntilCleared() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.status(410, WebhookFault.UNTIL_CLEARED));

        List<Integer> gone = List.of(deliver("msg_1").statusCode(), deliver("msg_2").statusCode(),
                deliver("msg_3").statusCode());
        sim.webhooks().clearFaults("ops-hook");

        assertThat(gone).containsOnly(410);
        assertThat(deliver("msg_4").statusCode()).isEqualTo(204);
    }

    @Test
    void aStatusFaultComesBeforeVerificationButTheRecordStillTellsTheSignature() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.status(500, 1));

        HttpResponse<String> response = sender.deliver(url, "msg_1", System.currentTimeMillis() / 1000, BODY,
                SignedWebhooks.newSecret(32));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(sim.webhooks().requests("ops-hook")).singleElement().satisfies(request -> {
            assertThat(request.verified()).isFalse();
            assertThat(request.verification()).isEqualTo("signature does not match");
        });
    }

    @Test
    void aDelayOutlastsTheSendersTimeoutAfterTheMessageWasReceived() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.delay(Duration.ofSeconds(5), 1));
        long timestamp = System.currentTimeMillis() / 1000;
        String signature = SignedWebhooks.signature("msg_slow", timestamp, BODY, secret);

        assertThatThrownBy(() -> sender.post(url, SignedWebhooks.headers("msg_slow", timestamp, signature), BODY,
                Duration.ofMillis(300))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        HttpResponse<String> retry = deliver("msg_slow");

        // The receiver got and accepted it; only the answer was late, so the sender's retry is a duplicate.
        assertThat(retry.statusCode()).isEqualTo(204);
        assertThat(sim.webhooks().messages("ops-hook")).extracting(ReceivedWebhook::duplicate)
                .containsExactly(false, true);
    }

    @Test
    void aStalledBodySendsHeadersAndHalfTheBodyUntilCleared() throws IOException {
        sim.webhooks().injectFault("ops-hook", WebhookFault.stallBody(1));
        long timestamp = System.currentTimeMillis() / 1000;
        String signature = SignedWebhooks.signature("msg_stall", timestamp, BODY, secret);

        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/ops-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "webhook-id: msg_stall\r\nwebhook-timestamp: " + timestamp + "\r\nwebhook-signature: "
                    + signature + "\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.setSoTimeout(500);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            String halfBody = WebhookAnswer.RECEIVED.substring(0, WebhookAnswer.RECEIVED.length() / 2);
            // Read what comes until the read times out: the rest of the body never comes while the fault stands.
            assertThatThrownBy(() -> {
                byte[] buffer = new byte[1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            }).isInstanceOf(SocketTimeoutException.class);
            String answer = received.toString(StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 ")
                    .containsIgnoringCase("content-length: " + WebhookAnswer.RECEIVED.length())
                    .endsWith("\r\n\r\n" + halfBody);

            sim.webhooks().clearFaults("ops-hook");
            socket.setSoTimeout(5000);
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(sim.webhooks().messages("ops-hook")).singleElement()
                .satisfies(message -> assertThat(message.status()).isEqualTo(200));
        assertThat(deliver("msg_next").statusCode()).isEqualTo(204);
    }

    @Test
    void aRedirectAnswers302WithLocationAndIsNotAMessage() {
        String elsewhere = sim.webhookUrl("elsewhere");
        sim.webhooks().injectFault("ops-hook", WebhookFault.redirect(elsewhere, 1));

        HttpResponse<String> response = deliver("msg_1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(elsewhere);
        assertThat(sim.webhooks().messages("ops-hook")).isEmpty();
        assertThat(sim.webhooks().requests("ops-hook")).extracting(ReceivedWebhook::status).containsExactly(302);
        // A sender that followed the redirect would show up here.
        assertThat(sim.webhooks().requests("elsewhere")).isEmpty();
    }

    @Test
    void impossibleFaultsAreRefused() {
        assertThatThrownBy(() -> WebhookFault.status(200, 1)).hasMessageContaining("'status' must be 4xx or 5xx");
        assertThatThrownBy(() -> WebhookFault.status(503, 0)).hasMessageContaining("'count'");
        assertThatThrownBy(() -> WebhookFault.redirect("ftp://example.com/", 1)).hasMessageContaining("redirect_to");
        assertThatThrownBy(() -> WebhookFault.statusWithRetryAfter(429, "2\r\nX-Evil: 1", 1))
                .hasMessageContaining("retry_after");
        assertThatThrownBy(() -> new WebhookFault(503, null, "http://example.com/", 302, Duration.ZERO, false, 1))
                .hasMessageContaining("Only one of");
        assertThatThrownBy(() -> new WebhookFault(0, null, null, 302, Duration.ZERO, false, 1))
                .hasMessageContaining("A fault needs");
    }
}
