package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PagerDuty's v3 signature check (https://developer.pagerduty.com/docs/verifying-signatures). */
class WebhookSignatureTest {
    private static final String SECRET = "a-subscription-signing-secret";
    private static final byte[] BODY = "{\"event\":{\"event_type\":\"incident.resolved\",\"x\":\"é\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacOfTheRawBodyVerifies() {
        assertThat(WebhookSignature.verifies(SECRET, List.of(WebhookSignature.header(SECRET, BODY)), BODY)).isTrue();
    }

    @Test
    void aKnownVectorMatchesTheHexHmacSha256() {
        // printf '{}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSignature.header("secret", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=77325902caca812dc259733aacd046b73817372c777b8d95b402647474516e13");
    }

    @Test
    void anyOfSeveralSignaturesVerifiesDuringARotation() {
        String header = WebhookSignature.header("old-secret", BODY) + "," + WebhookSignature.header(SECRET, BODY);
        assertThat(WebhookSignature.verifies(SECRET, List.of(header), BODY)).isTrue();
    }

    @Test
    void entriesThatAreNotV1OrNotHexAreSkipped() {
        String good = WebhookSignature.header(SECRET, BODY);
        assertThat(WebhookSignature.verifies(SECRET, List.of("v0=" + good.substring(3)), BODY)).isFalse();
        assertThat(WebhookSignature.verifies(SECRET, List.of("v1=not-hex," + good), BODY)).isTrue();
        assertThat(WebhookSignature.verifies(SECRET, List.of("v1=zz"), BODY)).isFalse();
    }

    @Test
    void anotherSecretAnAlteredBodyOrNoHeaderDoNotVerify() {
        String good = WebhookSignature.header(SECRET, BODY);
        assertThat(WebhookSignature.verifies("another-secret", List.of(good), BODY)).isFalse();
        assertThat(WebhookSignature.verifies(SECRET, List.of(good), "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSignature.verifies(SECRET, List.of(), BODY)).isFalse();
        assertThat(WebhookSignature.verifies(SECRET, null, BODY)).isFalse();
        assertThat(WebhookSignature.verifies(null, List.of(good), BODY)).isFalse();
    }
}
