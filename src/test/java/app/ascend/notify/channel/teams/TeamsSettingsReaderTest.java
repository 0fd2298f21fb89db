package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.FieldError;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;

/** Every rule of a Teams channel's config: the webhook URL (a secret: masked, kept when sent back masked), runbooks. */
class TeamsSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WORKFLOW_URL = "https://prod-00.westus.logic.azure.com:443/workflows/0123abcd/triggers/"
            + "manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=s3cr3tSignature";
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");
    private static final OutboundAddressPolicy LOOPBACK_ALLOWED = new OutboundAddressPolicy("127.0.0.0/8");

    private FieldErrors errors;

    @Test
    void aWorkflowsUrlIsReadAndMaskedToItsHost() {
        TeamsSettings settings = read("{\"webhook_url\": \"" + WORKFLOW_URL + "\"}", null, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.webhookUrl()).isEqualTo(WORKFLOW_URL);
        assertThat(settings.masked().get("config").get("webhook_url").stringValue())
                .isEqualTo("https://prod-00.westus.logic.azure.com:443/…");
        assertThat(settings.masked().toString()).doesNotContain("s3cr3tSignature");
        assertThat(settings.toString()).doesNotContain("s3cr3tSignature");
        assertThat(settings.toJson().get("config").get("webhook_url").stringValue()).isEqualTo(WORKFLOW_URL);
        assertThat(settings.warnings(List.of(EventType.values()))).isEmpty();
        assertThat(TeamsSettings.fromJson(settings.toJson())).isEqualTo(settings);
    }

    @Test
    void theMaskedUrlSentBackKeepsTheStoredOneAndAnotherMaskedUrlIsRefused() {
        TeamsSettings stored = new TeamsSettings(WORKFLOW_URL, Map.of());

        TeamsSettings kept = read("{\"webhook_url\": \"https://prod-00.westus.logic.azure.com:443/…\"}", stored, NOTHING_ALLOWED);
        assertThat(kept.webhookUrl()).isEqualTo(WORKFLOW_URL);

        assertThat(read("{\"webhook_url\": \"https://other.logic.azure.com/…\"}", stored, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
        assertThat(errors.list().get(0).message()).contains("masked");
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod-00.westus.logic.azure.com/workflows", "/relative", "ftp://93.184.215.14/x",
            "https://user:pw@93.184.215.14/", "http://93.184.215.14/plain", "https://exa mple.com/" })
    void badUrlsAreFieldErrorsOnWebhookUrl(String url) {
        assertThat(read("{\"webhook_url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/teams", "https://10.0.0.5/x", "https://169.254.169.254/latest",
            "https://[::1]/x" })
    void privateAddressesAreRefusedUnlessAllowListed(String url) {
        assertThat(read("{\"webhook_url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(errors.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("config.webhook_url");
            assertThat(e.message()).contains("ASCEND_OUTBOUND_ALLOW");
        });
    }

    @Test
    void plainHttpIsAllowedOnlyForAnAllowListedHostWithAWarning() {
        TeamsSettings settings = read("{\"webhook_url\": \"http://127.0.0.1:8090/teams/workflows/ops\"}", null,
                LOOPBACK_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.warnings(List.of())).singleElement().asString().contains("http");
    }

    @Test
    void aRetiredConnectorUrlIsAcceptedWithAWarning() {
        TeamsSettings settings = read("{\"webhook_url\": \"https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d\"}",
                null, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.warnings(List.of())).singleElement().asString().contains("Office 365 connector")
                .contains("Workflows");
    }

    @Test
    void runbookLinksAreHttpUrlsPerKnownEventType() {
        TeamsSettings settings = read("{\"webhook_url\": \"" + WORKFLOW_URL + "\", \"runbook_links\": "
                + "{\"action.blocked\": \"https://wiki.company.com/runbooks/blocked\"}}", null, NOTHING_ALLOWED);
        assertThat(settings.runbookFor(EventType.ACTION_BLOCKED)).contains("https://wiki.company.com/runbooks/blocked");

        assertThat(read("{\"webhook_url\": \"" + WORKFLOW_URL + "\", \"runbook_links\": {\"action.exploded\": \"https://x.y/\", "
                + "\"policy.violation\": \"wiki/page\"}}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.runbook_links.action.exploded",
                "config.runbook_links.policy.violation");
    }

    @Test
    void unknownFieldsAndAMissingUrlAreFieldErrors() {
        assertThat(read("{\"url\": \"" + WORKFLOW_URL + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).contains("config.url", "config.webhook_url");
    }

    private TeamsSettings read(String config, TeamsSettings stored, OutboundAddressPolicy policy) {
        errors = new FieldErrors();
        return new TeamsSettingsReader(JsonFields.object(JSON.readTree("{\"config\": " + config + "}"), "", errors)
                .orElseThrow(), stored, policy).read();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
