package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/{endpoint}} over real HTTP, signed by the Standard Webhooks reference library: verified
 * against the registered secrets, refused with 400/401 otherwise, accepted unverified without secrets.
 */
class WebhookReceiverVerificationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private static final String BODY = "{\"type\":\"governance.action.blocked\",\"data\":{\"action_id\":\"act-1\"}}";

    private final MutableClock clock = new MutableClock(NOW);
    private final SignedWebhooks sender = new SignedWebhooks();
    private final String secret = SignedWebhooks.newSecret(32);
    private PagerDutySimulator sim;
    private String url;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.builder().clock(clock).start();
        url = sim.webhookUrl("ops-hook");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void aGoodSignatureIsAnswered204AndRecordedVerified() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));

        HttpResponse<String> response = sender.deliver(url, "msg_1", now(), BODY, secret);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(sim.webhooks().messages("ops-hook")).singleElement().satisfies(message -> {
            assertThat(message.endpoint()).isEqualTo("ops-hook");
            assertThat(message.receivedAt()).isEqualTo(NOW);
            assertThat(message.headers().id()).isEqualTo("msg_1");
            assertThat(message.headers().timestamp()).isEqualTo(String.valueOf(now()));
            assertThat(message.headers().signature()).startsWith("v1,");
            assertThat(message.rawBody()).isEqualTo(BODY);
            assertThat(message.json().get("type").stringValue()).isEqualTo("governance.action.blocked");
            assertThat(message.bodyBytes()).isEqualTo(BODY.length());
            assertThat(message.verified()).isTrue();
            assertThat(message.verification()).isEqualTo("signature matches registered secret 1 of 1");
            assertThat(message.status()).isEqualTo(204);
            assertThat(message.duplicate()).isFalse();
        });
    }

    @Test
    void aWrongSecretIsRefused401AndNotAMessage() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));

        HttpResponse<String> response = sender.deliver(url, "msg_1", now(), BODY, SignedWebhooks.newSecret(32));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"signature does not match\"}");
        assertThat(sim.webhooks().messages("ops-hook")).isEmpty();
        assertThat(sim.webhooks().requests("ops-hook")).singleElement().satisfies(request -> {
            assertThat(request.verified()).isFalse();
            assertThat(request.verification()).isEqualTo("signature does not match");
            assertThat(request.status()).isEqualTo(401);
        });
    }

    @Test
    void aTimestampOutsideFiveMinutesOfTheSimulatorsClockIsRefused401() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
        long signedAt = now();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        HttpResponse<String> stale = sender.deliver(url, "msg_1", signedAt, BODY, secret);
        HttpResponse<String> fresh = sender.deliver(url, "msg_1", now(), BODY, secret);

        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("301 s behind the receiver's clock");
        assertThat(fresh.statusCode()).isEqualTo(204);
        assertThat(sim.webhooks().requests("ops-hook")).extracting(ReceivedWebhook::status).containsExactly(401, 204);
    }

    @Test
    void duringRotationTwoSignaturesAreSentAndTheSecondMatching() {
        String oldSecret = SignedWebhooks.newSecret(24);
        sim.webhooks().setSecrets("ops-hook", List.of(secret));

        // The sender signs with the old secret first, then the new one (spec "Signature scheme", rotation).
        HttpResponse<String> response = sender.deliver(url, "msg_rot", now(), BODY, oldSecret, secret);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(sim.webhooks().messages("ops-hook")).singleElement().satisfies(message -> {
            assertThat(message.headers().signature().split(" ")).hasSize(2);
            assertThat(message.verified()).isTrue();
        });
    }

    @Test
    void bothOldAndNewSecretsRegisteredAcceptEither() {
        String newSecret = SignedWebhooks.newSecret(64);
        sim.webhooks().setSecrets("ops-hook", List.of(secret, newSecret));

        int withOld = sender.deliver(url, "msg_a", now(), BODY, secret).statusCode();
        int withNew = sender.deliver(url, "msg_b", now(), BODY, newSecret).statusCode();

        assertThat(List.of(withOld, withNew)).containsExactly(204, 204);
        assertThat(sim.webhooks().messages("ops-hook")).extracting(ReceivedWebhook::verification).containsExactly(
                "signature matches registered secret 1 of 2", "signature matches registered secret 2 of 2");
    }

    @Test
    void missingHeadersAreRefused400() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
        Map<String, String> noSignature = Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(now()));

        HttpResponse<String> response = sender.post(url, noSignature, BODY, Duration.ofSeconds(30));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"missing webhook-id / webhook-timestamp / webhook-signature\"}");
        assertThat(sim.webhooks().requests("ops-hook")).singleElement()
                .satisfies(request -> assertThat(request.headers().signature()).isNull());
    }

    @Test
    void withoutASecretAnyRequestIsAcceptedUnverified() {
        HttpResponse<String> unsigned = sender.post(url, Map.of(), "plain text, not JSON", Duration.ofSeconds(30));
        HttpResponse<String> signed = sender.deliver(url, "msg_2", now(), BODY, secret);

        assertThat(unsigned.statusCode()).isEqualTo(204);
        assertThat(signed.statusCode()).isEqualTo(204);
        assertThat(sim.webhooks().messages("ops-hook")).hasSize(2).allSatisfy(message -> {
            assertThat(message.verified()).isFalse();
            assertThat(message.verification()).isEqualTo("no secret registered for this endpoint");
        });
        assertThat(sim.webhooks().messages("ops-hook").get(0).json()).isNull();
        assertThat(sim.webhooks().messages("ops-hook").get(0).rawBody()).isEqualTo("plain text, not JSON");
    }

    @Test
    void anEmptySecretListTurnsVerificationOff() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
        sim.webhooks().setSecrets("ops-hook", List.of());

        assertThat(sender.deliver(url, "msg_1", now(), BODY, SignedWebhooks.newSecret(32)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void secretsBelongToOneEndpoint() {
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
        String otherSecret = SignedWebhooks.newSecret(32);

        int other = sender.deliver(sim.webhookUrl("other-hook"), "msg_1", now(), BODY, otherSecret).statusCode();
        int wrong = sender.deliver(url, "msg_1", now(), BODY, otherSecret).statusCode();

        assertThat(other).isEqualTo(204);
        assertThat(wrong).isEqualTo(401);
        assertThat(sim.webhooks().messages("other-hook")).singleElement()
                .satisfies(message -> assertThat(message.verified()).isFalse());
    }
}
