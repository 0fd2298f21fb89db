package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.FieldError;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;

/** Every rule of a webhook channel's config, the secret's masking, and rotation. */
class WebhookSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");
    private static final OutboundAddressPolicy LOOPBACK_ALLOWED = new OutboundAddressPolicy("127.0.0.0/8,hooks.internal");

    private FieldErrors errors;

    @Test
    void createGeneratesASecretAndDefaultsTheRate() {
        WebhookSettings settings = read("{\"url\": \"https://93.184.215.14/hooks/T123?token=abc\"}", null, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.url()).isEqualTo("https://93.184.215.14/hooks/T123?token=abc");
        assertThat(settings.ratePerMinute()).isEqualTo(600);
        assertThat(settings.secret()).startsWith("whsec_");
        assertThat(settings.previousSecret()).isNull();
    }

    @Test
    void rateIsZeroToTheMaximum() {
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"rate_per_minute\": 0}", null, NOTHING_ALLOWED).ratePerMinute())
                .isZero();
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"rate_per_minute\": 6000}", null, NOTHING_ALLOWED)
                .ratePerMinute()).isEqualTo(6000);
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"rate_per_minute\": 6001}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.rate_per_minute");
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"rate_per_minute\": \"10\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.rate_per_minute");
    }

    @ParameterizedTest
    @ValueSource(strings = { "hooks.example.com/path", "/relative", "ftp://93.184.215.14/x", "https://user:pw@93.184.215.14/",
            "https:///nohost", "http://93.184.215.14/plain", "https://exa mple.com/", "mailto:a@b.c" })
    void badUrlsAreFieldErrorsOnConfigUrl(String url) {
        assertThat(read("{\"url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.url");
    }

    @Test
    void aUrlLongerThan2048CharactersIsRefused() {
        String url = "https://93.184.215.14/" + "a".repeat(2048);
        assertThat(read("{\"url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(errors.list()).singleElement().satisfies(e -> assertThat(e.message()).contains("2048"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/", "https://10.0.0.1/", "https://169.254.169.254/latest/meta-data",
            "https://[::1]/", "https://192.168.1.1:8443/x", "https://100.100.100.200/" })
    void privateAddressesAreRefusedUnlessAllowListed(String url) {
        assertThat(read("{\"url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(errors.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("config.url");
            assertThat(e.message()).contains("ASCEND_OUTBOUND_ALLOW");
        });
    }

    @Test
    void httpIsAllowedOnlyForAllowListedHostsAndThenWarns() {
        WebhookSettings settings = read("{\"url\": \"http://127.0.0.1:9999/hook\"}", null, LOOPBACK_ALLOWED);
        assertThat(errors.list()).isEmpty();
        assertThat(settings.warnings(List.of(EventType.ACTION_BLOCKED))).singleElement()
                .satisfies(w -> assertThat(w).contains("http").doesNotContain("9999"));
        assertThat(read("{\"url\": \"http://127.0.0.1:9999/hook\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.url");
    }

    @Test
    void aRateOfZeroWarns() {
        WebhookSettings settings = read("{\"url\": \"https://93.184.215.14/\", \"rate_per_minute\": 0}", null, NOTHING_ALLOWED);
        assertThat(settings.warnings(List.of())).singleElement().satisfies(w -> assertThat(w).contains("rate_per_minute"));
    }

    @Test
    void unknownFieldsAndAMissingConfigAreErrors() {
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"urll\": 1}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.urll");
        errors = new FieldErrors();
        assertThat(new WebhookSettingsReader(channel("{\"name\": \"x\"}"), null, NOTHING_ALLOWED, NOW, GRACE).read()).isNull();
        assertThat(fields()).containsExactly("config");
    }

    @Test
    void theSecretIsMaskedAndASecretSentBackMaskedIsKept() {
        WebhookSettings stored = read("{\"url\": \"https://93.184.215.14/p?token=t\"}", null, NOTHING_ALLOWED);
        String masked = stored.masked().get("config").get("secret").stringValue();
        assertThat(masked).isEqualTo("whsec_****" + stored.secret().substring(stored.secret().length() - 4));
        assertThat(stored.masked().toString()).doesNotContain(stored.secret()).doesNotContain("token");
        assertThat(stored.shownOnce().get("config").get("secret").stringValue()).isEqualTo(stored.secret());

        String maskedUrl = stored.masked().get("config").get("url").stringValue();
        assertThat(maskedUrl).isEqualTo("https://93.184.215.14/…");
        WebhookSettings again = read("{\"url\": \"" + maskedUrl + "\", \"secret\": \"" + masked + "\"}", stored, NOTHING_ALLOWED);
        assertThat(errors.list()).isEmpty();
        assertThat(again.secret()).isEqualTo(stored.secret());
        assertThat(again.url()).isEqualTo(stored.url());

        WebhookSettings omitted = read("{\"url\": \"https://93.184.215.14/other\"}", stored, NOTHING_ALLOWED);
        assertThat(omitted.secret()).isEqualTo(stored.secret());
    }

    @Test
    void theStoredDocumentAsAPatchMergesOntoItReadsBackUnchanged() {
        WebhookSettings stored = read("{\"url\": \"https://93.184.215.14/p?token=t\", \"rate_per_minute\": 60}", null,
                NOTHING_ALLOWED);
        WebhookSettings rotated = (WebhookSettings) stored.withRotatedSecret(NOW).orElseThrow();

        errors = new FieldErrors();
        WebhookSettings again = new WebhookSettingsReader(JsonFields.object(rotated.toJson(), "", errors).orElseThrow(),
                rotated, NOTHING_ALLOWED, NOW, GRACE).read();

        assertThat(errors.list()).isEmpty();
        assertThat(again).isEqualTo(rotated);
    }

    @Test
    void aChosenSecretOrAnUnmatchedMaskIsRefused() {
        WebhookSettings stored = read("{\"url\": \"https://93.184.215.14/\"}", null, NOTHING_ALLOWED);
        for (String sent : List.of(WebhookSecret.generate(), "whsec_****zzzz", "", "hunter2")) {
            assertThat(read("{\"url\": \"https://93.184.215.14/\", \"secret\": \"" + sent + "\"}", stored, NOTHING_ALLOWED))
                    .isNull();
            assertThat(fields()).containsExactly("config.secret");
            assertThat(errors.list().get(0).message()).doesNotContain(stored.secret());
        }
        assertThat(read("{\"url\": \"https://93.184.215.14/\", \"secret\": \"" + WebhookSecret.mask(stored.secret()) + "\"}",
                null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.secret");
    }

    @Test
    void aMaskedUrlThatMatchesNoStoredOneIsRefused() {
        WebhookSettings stored = read("{\"url\": \"https://93.184.215.14/a\"}", null, NOTHING_ALLOWED);
        assertThat(read("{\"url\": \"https://93.184.215.15/…\"}", stored, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.url");
    }

    @Test
    void rotationKeepsTheOldSecretSigningForTheGracePeriodOnly() {
        WebhookSettings stored = read("{\"url\": \"https://93.184.215.14/\"}", null, NOTHING_ALLOWED);
        ChannelSettings rotated = stored.withRotatedSecret(NOW).orElseThrow();
        WebhookSettings next = (WebhookSettings) rotated;

        assertThat(next.secret()).isNotEqualTo(stored.secret()).startsWith("whsec_");
        assertThat(next.previousSecret()).isEqualTo(stored.secret());
        assertThat(next.previousSecretExpiresAt()).isEqualTo(NOW.plus(GRACE));
        assertThat(next.signingSecrets(NOW.plusSeconds(60))).containsExactly(next.secret(), stored.secret());
        assertThat(next.signingSecrets(NOW.plus(GRACE))).containsExactly(next.secret());
        assertThat(next.masked().toString()).doesNotContain(next.secret()).doesNotContain(stored.secret())
                .contains("previous_secret_expires_at");
        assertThat(next.shownOnce().toString()).contains(next.secret()).doesNotContain(stored.secret());

        WebhookSettings reparsed = WebhookSettings.fromJson(next.toJson(), GRACE);
        assertThat(reparsed).isEqualTo(next);

        // A later edit keeps the previous secret during its grace, and drops it after.
        String masked = WebhookSecret.mask(next.secret());
        WebhookSettings edited = read("{\"url\": \"https://93.184.215.14/\", \"secret\": \"" + masked + "\", "
                + "\"previous_secret_expires_at\": \"whatever\"}", next, NOTHING_ALLOWED);
        assertThat(errors.list()).isEmpty();
        assertThat(edited.previousSecret()).isEqualTo(stored.secret());
        errors = new FieldErrors();
        WebhookSettings late = new WebhookSettingsReader(channel("{\"config\": {\"url\": \"https://93.184.215.14/\"}}"), next,
                NOTHING_ALLOWED, NOW.plus(GRACE), GRACE).read();
        assertThat(late.previousSecret()).isNull();
        assertThat(late.previousSecretExpiresAt()).isNull();
    }

    private WebhookSettings read(String config, WebhookSettings stored, OutboundAddressPolicy policy) {
        errors = new FieldErrors();
        return new WebhookSettingsReader(channel("{\"config\": " + config + "}"), stored, policy, NOW, GRACE).read();
    }

    private JsonFields channel(String json) {
        return JsonFields.object(JSON.readTree(json), "", errors).orElseThrow();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
