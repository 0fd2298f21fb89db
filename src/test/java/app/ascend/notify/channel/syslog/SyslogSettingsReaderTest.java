package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.FieldError;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every rule of a syslog channel's config: host, port, CA (parsed PEM), header fields, facility, the address rule. */
class SyslogSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CA = """
            -----BEGIN CERTIFICATE-----
            MIIBhTCCASugAwIBAgIUWT9vbCiWDEEE/v5YJFBVb88c9QswCgYIKoZIzj0EAwIw
            FzEVMBMGA1UEAwwMVW5pdCB0ZXN0IENBMCAXDTI2MTIwNjE1NTMwN1oYDzIxMjYx
            MTEyMTU1MzA3WjAXMRUwEwYDVQQDDAxVbml0IHRlc3QgQ0EwWTATBgcqhkjOPQIB
            BggqhkjOPQMBBwNCAATMwr8rEYlaTqIRpA192NnjmTe8HJdQ6dC7MSBDa3lm0zhe
            AM2NahZWVFsuA7S5yBwffkC9voohEpIPzn+v9yN+o1MwUTAdBgNVHQ4EFgQUrDBs
            W/7J7WwdAYUBMOE6kMCulK0wHwYDVR0jBBgwFoAUrDBsW/7J7WwdAYUBMOE6kMCu
            lK0wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAQrz2dNBiVtWC1
            03NJqiwUgg++hJu1c1OCNosP1vHaSwIhAIC3CqT8spaQpllND1glNrW/grlx8u0r
            iGPtTWGapS4G
            -----END CERTIFICATE-----
            """;
    static final String CA_SHA256 = "0322e4f348ad9ca152a552d43845a853cb70070a53a194216ecb40af6eb5297d";
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");

    private FieldErrors errors;

    @Test
    void aServerWithItsCaIsReadWithDefaultsAndShownWithTheCasFingerprint() {
        ObjectNode config = JSON.createObjectNode().put("host", "siem.example.com").put("ca_certificate", CA);

        SyslogSettings settings = read(config, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings).isEqualTo(new SyslogSettings("siem.example.com", 6514, CA, null, SyslogFacility.LOCAL4,
                "ascend-notify"));
        assertThat(settings.destination()).isEqualTo("siem.example.com:6514");
        assertThat(settings.masked().get("config").get("ca_certificate_sha256").stringValue()).isEqualTo(CA_SHA256);
        assertThat(SyslogSettings.fromJson(settings.toJson())).isEqualTo(settings);
        // The masked answer sent back (with its read-only fingerprint) reads as the same settings.
        assertThat(read((ObjectNode) settings.masked().get("config"), NOTHING_ALLOWED)).isEqualTo(settings);
    }

    @Test
    void theHeaderFieldsAndFacilityAreRead() {
        SyslogSettings settings = read(JSON.createObjectNode().put("host", "2001:db8::5").put("port", 10514)
                .put("hostname", "ascend.example.com").put("facility", "authpriv").put("app_name", "ascend"), NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.destination()).isEqualTo("[2001:db8::5]:10514");
        assertThat(settings.facility().code()).isEqualTo(10);
        assertThat(settings.hostname()).isEqualTo("ascend.example.com");
        assertThat(settings.appName()).isEqualTo("ascend");
    }

    @ParameterizedTest
    @ValueSource(strings = { "tls://siem.example.com", "siem.example.com:6514", "siem example.com", "", "siem/x",
            "[zz::1]" })
    void aHostThatIsNotANameOrAddressIsRefused(String host) {
        assertThat(read(JSON.createObjectNode().put("host", host), NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.host");
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.1.2.3", "169.254.169.254", "localhost", "::1" })
    void privateAddressesAreRefusedUnlessAllowListed(String host) {
        assertThat(read(JSON.createObjectNode().put("host", host), NOTHING_ALLOWED)).isNull();
        assertThat(errors.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("config.host");
            assertThat(e.message()).contains("ASCEND_OUTBOUND_ALLOW");
        });
        assertThat(read(JSON.createObjectNode().put("host", host), new OutboundAddressPolicy("127.0.0.0/8,10.0.0.0/8,"
                + "169.254.0.0/16,::1/128,localhost"))).isNotNull();
    }

    @Test
    void aCaThatIsNotACertificateIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("not pem at all", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "-----BEGIN PRIVATE KEY-----\nsecretkeymaterial\n-----END PRIVATE KEY-----\n" + CA)) {
            assertThat(read(JSON.createObjectNode().put("host", "siem.example.com").put("ca_certificate", bad),
                    NOTHING_ALLOWED)).isNull();
            assertThat(fields()).containsExactly("config.ca_certificate");
            assertThat(errors.list().get(0).message()).doesNotContain("secretkeymaterial");
        }
        assertThat(errors.list().get(0).message()).contains("private key");
    }

    @Test
    void badPortFacilityHeaderFieldsAndUnknownFieldsAreFieldErrors() {
        assertThat(read(JSON.createObjectNode().put("host", "siem.example.com").put("port", 70000).put("facility", "local9")
                .put("hostname", "has space").put("app_name", "x".repeat(49)).put("ca", CA), NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.port", "config.facility", "config.hostname",
                "config.app_name", "config.ca");
    }

    @Test
    void aMissingConfigOrHostNamesWhatToGive() {
        errors = new FieldErrors();
        assertThat(new SyslogSettingsReader(JsonFields.object(JSON.readTree("{}"), "", errors).orElseThrow(), NOTHING_ALLOWED)
                .read()).isNull();
        assertThat(errors.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("config");
            assertThat(e.message()).contains("config.host").contains("config.ca_certificate");
        });
        assertThat(read(JSON.createObjectNode().put("port", 6514), NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.host");
    }

    private SyslogSettings read(ObjectNode config, OutboundAddressPolicy policy) {
        errors = new FieldErrors();
        ObjectNode channel = JSON.createObjectNode();
        channel.set("config", config);
        return new SyslogSettingsReader(JsonFields.object(channel, "", errors).orElseThrow(), policy).read();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
