package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets are whsec_ and the base64 of 24 to 64 bytes (spec "Signature scheme"), and never printed. */
class WebhookSecretTest {

    private static String whsec(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    @Test
    void twentyFourToSixtyFourBytesAreAccepted() {
        assertThat(WebhookSecret.parse(whsec(24)).key()).hasSize(24);
        assertThat(WebhookSecret.parse(whsec(64)).key()).hasSize(64);
        // Padding may be left out, as the Python reference library allows.
        assertThat(WebhookSecret.parse(whsec(32).replace("=", "")).key()).hasSize(32);
    }

    @Test
    void aWrongPrefixLengthOrEncodingIsRefused() {
        assertThatThrownBy(() -> WebhookSecret.parse(whsec(24).substring("whsec_".length())))
                .hasMessage("must start with whsec_");
        assertThatThrownBy(() -> WebhookSecret.parse(whsec(23))).hasMessage("must encode 24 to 64 bytes, was 23");
        assertThatThrownBy(() -> WebhookSecret.parse(whsec(65))).hasMessage("must encode 24 to 64 bytes, was 65");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not*base64")).hasMessageContaining("standard base64");
        assertThatThrownBy(() -> WebhookSecret.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsOnlyTheLength() {
        String secret = SignedWebhooks.newSecret(32);

        assertThat(WebhookSecret.parse(secret).toString()).isEqualTo("WebhookSecret[32 bytes]")
                .doesNotContain(secret.substring("whsec_".length(), 12));
    }
}
