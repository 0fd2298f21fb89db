package app.ascend.notify.channel.servicenow;

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

/**
 * Every rule of a ServiceNow channel's settings: the instance URL (outbound rule), one way to sign in, the secrets
 * (masked, kept when sent back masked), the assignment group's sys_id, the resolve settings and priority_mapping.
 */
class ServiceNowSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");
    private static final OutboundAddressPolicy LOOPBACK_ALLOWED = new OutboundAddressPolicy("127.0.0.0/8");
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String BASIC = "\"instance_url\": \"https://acme.service-now.com/\", \"username\": \"ascend\", "
            + "\"password\": \"" + PASSWORD + "\"";

    private FieldErrors errors;

    @Test
    void basicSettingsAreReadWithDefaultsAndMasked() {
        ServiceNowSettings settings = read("{\"config\": {" + BASIC + "}}", null, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.instanceUrl()).isEqualTo("https://acme.service-now.com");
        assertThat(settings.resolveState()).isEqualTo("6");
        assertThat(settings.closeCode()).isEqualTo("Solution provided");
        assertThat(settings.forLevel("critical")).isEqualTo(new ImpactUrgency("1", "1"));
        assertThat(settings.forLevel("low")).isEqualTo(new ImpactUrgency("2", "3"));
        assertThat(settings.masked().toString()).doesNotContain(PASSWORD).contains("****aple");
        assertThat(settings.masked().get("config").get("instance_url").stringValue())
                .isEqualTo("https://acme.service-now.com");
        assertThat(settings.toString()).doesNotContain(PASSWORD);
        assertThat(ServiceNowSettings.fromJson(settings.toJson())).isEqualTo(settings);
    }

    @Test
    void aSecretSentBackMaskedKeepsTheStoredOneAndAnotherMaskIsRefused() {
        ServiceNowSettings stored = read("{\"config\": {" + BASIC + "}}", null, NOTHING_ALLOWED);

        ServiceNowSettings kept = read("{\"config\": {\"instance_url\": \"https://acme.service-now.com\", "
                + "\"username\": \"ascend\", \"password\": \"****aple\"}}", stored, NOTHING_ALLOWED);
        assertThat(kept.auth().password()).isEqualTo(PASSWORD);

        assertThat(read("{\"config\": {\"instance_url\": \"https://acme.service-now.com\", \"username\": \"ascend\", "
                + "\"password\": \"****abcd\"}}", stored, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.password");
    }

    @Test
    void oauthClientCredentialsAreReadAndTheSecretMasked() {
        ServiceNowSettings settings = read("{\"config\": {\"instance_url\": \"https://acme.service-now.com\", "
                + "\"client_id\": \"abc123\", \"client_secret\": \"s3cr3t-from-the-registry\"}}", null, NOTHING_ALLOWED);

        assertThat(settings.auth().oauth()).isTrue();
        assertThat(settings.masked().toString()).doesNotContain("s3cr3t-from-the-registry").contains("abc123");
    }

    @Test
    void bothWaysOrNeitherIsAnError() {
        assertThat(read("{\"config\": {" + BASIC + ", \"client_id\": \"x\", \"client_secret\": \"y\"}}", null,
                NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.client_id");
        assertThat(read("{\"config\": {\"instance_url\": \"https://acme.service-now.com\"}}", null, NOTHING_ALLOWED))
                .isNull();
        assertThat(fields()).containsExactly("config.username");
        assertThat(read("{\"config\": {\"instance_url\": \"https://acme.service-now.com\", \"username\": \"a\"}}", null,
                NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.password");
    }

    @ParameterizedTest
    @ValueSource(strings = { "acme.service-now.com", "http://acme.service-now.com", "https://127.0.0.1/",
            "https://10.0.0.5", "https://acme.service-now.com/?x=1", "https://u:p@acme.service-now.com" })
    void badInstanceUrlsAreFieldErrors(String url) {
        assertThat(read("{\"config\": {\"instance_url\": \"" + url + "\", \"username\": \"a\", \"password\": \"b\"}}",
                null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.instance_url");
    }

    @Test
    void anAllowListedLocalInstanceMayUseHttpAndAPath() {
        ServiceNowSettings settings = read("{\"config\": {\"instance_url\": \"http://127.0.0.1:8090/servicenow/dev\", "
                + "\"username\": \"a\", \"password\": \"b\"}}", null, LOOPBACK_ALLOWED);

        assertThat(settings.instanceUrl()).isEqualTo("http://127.0.0.1:8090/servicenow/dev");
        assertThat(settings.warnings(List.of())).singleElement().asString().contains("http");
    }

    @Test
    void theAssignmentGroupIsASysIdAndTheResolveSettingsAreChecked() {
        assertThat(read("{\"config\": {" + BASIC + ", \"assignment_group\": \"Security Ops\", \"resolve_state\": \"3\"}}",
                null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.assignment_group", "config.resolve_state");

        ServiceNowSettings settings = read("{\"config\": {" + BASIC + ", \"assignment_group\": "
                + "\"287ebd7da9fe198100f92cc8d1d2154e\", \"category\": \"security\", \"resolve_state\": \"7\", "
                + "\"close_code\": \"Solved (Permanently)\", \"close_notes\": \"Closed by ASCEND\"}}", null, NOTHING_ALLOWED);
        assertThat(settings.assignmentGroup()).isEqualTo("287ebd7da9fe198100f92cc8d1d2154e");
        assertThat(settings.closeCode()).isEqualTo("Solved (Permanently)");
        assertThat(settings.resolveState()).isEqualTo("7");
    }

    @Test
    void priorityMappingOverridesLevelsAndNamesEachBadValue() {
        ServiceNowSettings settings = read("{\"config\": {" + BASIC + "}, \"priority_mapping\": {\"low\": "
                + "{\"impact\": 3, \"urgency\": \"3\"}}}", null, NOTHING_ALLOWED);
        assertThat(settings.forLevel("low")).isEqualTo(new ImpactUrgency("3", "3"));
        assertThat(settings.forLevel("high")).isEqualTo(new ImpactUrgency("1", "2"));

        assertThat(read("{\"config\": {" + BASIC + "}, \"priority_mapping\": {\"low\": {\"impact\": \"4\"}, "
                + "\"severe\": {}}}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("priority_mapping.low.impact", "priority_mapping.severe");
    }

    @Test
    void aLevelBeyondAnyIntegerIsAFieldErrorNotAFailure() {
        // Found by ChannelApiFuzzIT (seed -552535439302029615): a 600-digit impact was a 500.
        assertThat(read("{\"config\": {" + BASIC + "}, \"priority_mapping\": {\"low\": {\"urgency\": "
                + "1" + "0".repeat(600) + ", \"impact\": 4294967297}}}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("priority_mapping.low.urgency", "priority_mapping.low.impact");
    }

    private ServiceNowSettings read(String channel, ServiceNowSettings stored, OutboundAddressPolicy policy) {
        errors = new FieldErrors();
        return new ServiceNowSettingsReader(JsonFields.object(JSON.readTree(channel), "", errors).orElseThrow(), stored,
                policy).read();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
