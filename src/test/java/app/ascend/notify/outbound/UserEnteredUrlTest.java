package app.ascend.notify.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.ascend.notify.outbound.UserEnteredUrl.SentBack;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;

/** A user-entered destination URL: each check in order, its error on the field's path, in the type's words. */
class UserEnteredUrlTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UserEnteredUrl.Wording WORDING = new UserEnteredUrl.Wording("masked, no match",
            "not absolute", "has user-info");
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");
    private static final OutboundAddressPolicy LOOPBACK_ALLOWED = new OutboundAddressPolicy("127.0.0.0/8");
    private static final String STORED = "https://93.184.215.14/hooks/s3cr3t";

    private FieldErrors errors;

    @Test
    void aGoodHttpsUrlIsReadTrimmed() {
        assertThat(read(NOTHING_ALLOWED, " https://93.184.215.14/in?token=1 ", null, SentBack.MASKED))
                .isEqualTo("https://93.184.215.14/in?token=1");
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void theMaskedFormSentBackStandsForTheStoredUrl() {
        assertThat(read(NOTHING_ALLOWED, "https://93.184.215.14/…", STORED, SentBack.MASKED)).isEqualTo(STORED);
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void theClearStoredUrlIsKeptUncheckedOnlyWhenTheTypeSaysSo() {
        String storedPrivate = "http://10.0.0.5/hook";

        assertThat(read(NOTHING_ALLOWED, storedPrivate, storedPrivate, SentBack.MASKED_OR_CLEAR)).isEqualTo(storedPrivate);
        assertThat(errors.list()).isEmpty();

        assertThat(read(NOTHING_ALLOWED, storedPrivate, storedPrivate, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly(
                "config.url: must use https; http is allowed only for hosts that ASCEND_OUTBOUND_ALLOW lists");
    }

    @Test
    void aMaskedUrlMatchingNoStoredOneIsTheTypesError() {
        assertThat(read(NOTHING_ALLOWED, "https://other.example.com/…", STORED, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: masked, no match");
        assertThat(read(NOTHING_ALLOWED, "https://93.184.215.14/…", null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: masked, no match");
    }

    @Test
    void eachCheckFailsWithItsOwnText() {
        assertThat(read(NOTHING_ALLOWED, "https://exa mple.com/", null, SentBack.MASKED)).isNull();
        assertThat(messages()).singleElement().asString().startsWith("config.url: is not a valid URL: ");

        assertThat(read(NOTHING_ALLOWED, "/relative", null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: not absolute");

        assertThat(read(NOTHING_ALLOWED, "https://user:pw@93.184.215.14/", null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: has user-info");

        assertThat(read(NOTHING_ALLOWED, "ftp://93.184.215.14/x", null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: must be an https URL");

        assertThat(read(NOTHING_ALLOWED, "https://127.0.0.1/x", null, SentBack.MASKED)).isNull();
        assertThat(messages()).singleElement().asString().startsWith("config.url: is refused: 127.0.0.1 resolves to "
                + "127.0.0.1").contains("ASCEND_OUTBOUND_ALLOW");

        assertThat(read(NOTHING_ALLOWED, null, null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: is required");
    }

    @Test
    void plainHttpOnlyForAnAllowListedHost() {
        assertThat(read(LOOPBACK_ALLOWED, "http://127.0.0.1:8090/hook", null, SentBack.MASKED))
                .isEqualTo("http://127.0.0.1:8090/hook");
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void aTypesOwnRuleRunsBeforeTheAddressPolicy() {
        UserEnteredUrl onlyExample = new UserEnteredUrl(NOTHING_ALLOWED, WORDING,
                uri -> "hooks.example.com".equals(uri.getHost()) ? Optional.empty() : Optional.of("not ours"));
        errors = new FieldErrors();

        assertThat(onlyExample.read(config("https://127.0.0.1/x"), "url", 100, null, SentBack.MASKED)).isNull();
        assertThat(messages()).containsExactly("config.url: not ours");
    }

    private String read(OutboundAddressPolicy policy, String url, String stored, SentBack sentBack) {
        errors = new FieldErrors();
        return new UserEnteredUrl(policy, WORDING).read(config(url), "url", 2048, stored, sentBack);
    }

    private JsonFields config(String url) {
        String json = url == null ? "{}" : "{\"url\": " + JSON.writeValueAsString(url) + "}";
        return JsonFields.object(JSON.readTree(json), "config", errors).orElseThrow();
    }

    private List<String> messages() {
        return errors.list().stream().map(e -> e.field() + ": " + e.message()).toList();
    }
}
