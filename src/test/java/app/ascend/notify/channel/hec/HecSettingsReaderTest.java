package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.FieldError;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;

/** Every rule of a Splunk HEC channel's config: the URL, the token (a secret), metadata, batching and acknowledgement. */
class HecSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN = "12345678-90ab-cdef-1234-567890abcdef";
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");

    private FieldErrors errors;

    @Test
    void aCollectorUrlAndTokenAreReadWithDefaultsAndTheTokenIsMasked() {
        HecSettings settings = read("{\"url\": \"https://splunk.example.com:8088\", \"token\": \"" + TOKEN + "\"}", null);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.url()).isEqualTo("https://splunk.example.com:8088");
        assertThat(settings.token()).isEqualTo(TOKEN);
        assertThat(settings.sourcetype()).isEqualTo(HecSettings.DEFAULT_SOURCETYPE);
        assertThat(settings.index()).isNull();
        assertThat(settings.batching().maxBytes()).isEqualTo(1_000_000);
        assertThat(settings.batching().maxWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.batching().maxMessages()).isEqualTo(1000);
        assertThat(settings.useAck()).isFalse();
        assertThat(settings.masked().get("config").get("token").stringValue()).isEqualTo("****cdef");
        assertThat(settings.masked().toString()).doesNotContain(TOKEN);
        assertThat(settings.toString()).doesNotContain(TOKEN);
        assertThat(HecSettings.fromJson(settings.toJson())).isEqualTo(settings);
        assertThat(settings.warnings(List.of(EventType.values()))).singleElement().asString().contains("use_ack");
    }

    @Test
    void theMaskedTokenSentBackKeepsTheStoredOneAndAnotherMaskIsRefused() {
        HecSettings stored = read("{\"url\": \"https://splunk.example.com:8088\", \"token\": \"" + TOKEN + "\"}", null);

        HecSettings kept = read("{\"url\": \"https://splunk.example.com:8088\", \"token\": \"****cdef\"}", stored);
        assertThat(kept.token()).isEqualTo(TOKEN);

        assertThat(read("{\"url\": \"https://splunk.example.com:8088\", \"token\": \"****abcd\"}", stored)).isNull();
        assertThat(fields()).containsExactly("config.token");
        assertThat(errors.list().get(0).message()).contains("masked");
    }

    @Test
    void aCollectorPathCopiedFromSplunksDocsIsTakenAsTheBase() {
        for (String path : List.of("/services/collector/event", "/services/collector", "/services/collector/event/1.0/",
                "/")) {
            HecSettings settings = read("{\"url\": \"https://splunk.example.com:8088" + path + "\", \"token\": \"" + TOKEN
                    + "\"}", null);
            assertThat(settings.url()).as(path).isEqualTo("https://splunk.example.com:8088");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-guid", "Splunk 12345678-90ab-cdef-1234-567890abcdef", "12345678-90ab-cdef-1234" })
    void aTokenThatIsNotAGuidIsAFieldError(String token) {
        assertThat(read("{\"url\": \"https://splunk.example.com:8088\", \"token\": \"" + token + "\"}", null)).isNull();
        assertThat(fields()).containsExactly("config.token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://splunk.example.com:8088/?token=12345678-90ab-cdef-1234-567890abcdef",
            "http://splunk.example.com:8088", "https://user:pw@splunk.example.com", "https://10.0.0.5:8088",
            "splunk.example.com:8088" })
    void aUrlWithAQueryPlainHttpUserInfoOrAPrivateAddressIsAFieldError(String url) {
        assertThat(read("{\"url\": \"" + url + "\", \"token\": \"" + TOKEN + "\"}", null)).isNull();
        assertThat(fields()).containsExactly("config.url");
    }

    @Test
    void metadataBatchingAndAckAreRead() {
        HecSettings settings = read("{\"url\": \"https://splunk.example.com\", \"token\": \"" + TOKEN + "\", \"index\": "
                + "\"ascend\", \"sourcetype\": \"ascend:event\", \"source\": \"notify\", \"host\": \"prod-1\", "
                + "\"batch_max_bytes\": 20000, \"batch_max_wait_ms\": 0, \"batch_max_events\": 5, \"use_ack\": true}", null);

        assertThat(settings).isEqualTo(new HecSettings("https://splunk.example.com", TOKEN, "ascend", "ascend:event",
                "notify", "prod-1", 20_000, 0, 5, true));
        assertThat(settings.destination()).isEqualTo("https://splunk.example.com#ascend");
        assertThat(settings.warnings(List.of(EventType.values()))).isEmpty();
    }

    @Test
    void outOfRangeBatchSettingsBlankMetadataAndUnknownFieldsAreFieldErrors() {
        assertThat(read("{\"url\": \"https://splunk.example.com\", \"token\": \"" + TOKEN + "\", \"index\": \" \", "
                + "\"batch_max_bytes\": 6000000, \"batch_max_wait_ms\": 5001, \"batch_max_events\": 0, \"use_ack\": "
                + "\"yes\", \"indexes\": [\"a\"]}", null)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.index", "config.batch_max_bytes",
                "config.batch_max_wait_ms", "config.batch_max_events", "config.use_ack", "config.indexes");
    }

    @Test
    void aMissingUrlAndTokenAreFieldErrors() {
        assertThat(read("{}", null)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.url", "config.token");
    }

    private HecSettings read(String config, HecSettings stored) {
        errors = new FieldErrors();
        return new HecSettingsReader(JsonFields.object(JSON.readTree("{\"config\": " + config + "}"), "", errors)
                .orElseThrow(), stored, NOTHING_ALLOWED).read();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
