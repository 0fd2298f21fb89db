package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

/** Our signer against the Standard Webhooks test vector and the reference library (FACTS.md §6, §9). */
class WebhookSignerTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(BODY).hasSize(20);
        assertThat(WebhookSigner.sign(SECRET, ID, 1614265330L, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReferenceLibraryVerifiesASignatureWithACurrentTimestamp() throws Exception {
        String secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        byte[] body = "{\"type\":\"ascend.test\",\"data\":{\"summary\":\"ünïcode ✓\"}}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSigner.signatureHeader(List.of(secret), "dlv_01ABC", now, body);

        new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), Map.of("webhook-id", List.of("dlv_01ABC"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header)));
    }

    @Test
    void twoSecretsGiveTwoEntriesNewFirstAndEachVerifiesAlone() throws Exception {
        String current = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.signatureHeader(List.of(current, previous), "dlv_1", now, BODY);

        String[] entries = header.split(" ");
        assertThat(entries).hasSize(2);
        assertThat(entries[0]).isEqualTo(WebhookSigner.sign(current, "dlv_1", now, BODY));
        assertThat(entries[1]).isEqualTo(WebhookSigner.sign(previous, "dlv_1", now, BODY));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("dlv_1"), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(current).verify(new String(BODY, StandardCharsets.UTF_8), headers);
        new Webhook(previous).verify(new String(BODY, StandardCharsets.UTF_8), headers);
    }

    @Test
    void anIdHoldingTheDelimiterIsRefused() {
        assertThatThrownBy(() -> WebhookSigner.sign(SECRET, "msg.1", 1L, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedSecretsAreWhsecAnd32RandomBytesAndMaskToTheirLastFour() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.keyBytes(secret)).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
        assertThat(WebhookSecret.mask(secret)).isEqualTo("whsec_****" + secret.substring(secret.length() - 4));
    }
}
