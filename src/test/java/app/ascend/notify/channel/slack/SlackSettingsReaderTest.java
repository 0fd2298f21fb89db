package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every rule of a Slack channel's config: one mode, each field's shape and path, secrets masked and kept. */
class SlackSettingsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    static final String TOKEN = "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static final OutboundAddressPolicy NOTHING_ALLOWED = new OutboundAddressPolicy("");
    private static final OutboundAddressPolicy LOOPBACK_ALLOWED = new OutboundAddressPolicy("127.0.0.0/8");

    private FieldErrors errors;

    @Test
    void aSlackWebhookUrlIsWebhookMode() {
        SlackSettings settings = read("{\"webhook_url\": \"" + HOOK + "\"}", null, NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.botMode()).isFalse();
        assertThat(settings.destinationFor(EventType.ACTION_BLOCKED)).hasValue(HOOK);
        assertThat(settings.masked().get("config").get("webhook_url").stringValue()).isEqualTo("https://hooks.slack.com/…");
        assertThat(settings.masked().toString()).doesNotContain("XXXXXXXX");
        assertThat(settings.toString()).doesNotContain("XXXXXXXX");
    }

    @Test
    void aBotTokenAndChannelIsBotMode() {
        SlackSettings settings = read("{\"bot_token\": \"" + TOKEN + "\", \"channel\": \"C0123456789\"}", null,
                NOTHING_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.botMode()).isTrue();
        assertThat(settings.masked().get("config").get("bot_token").stringValue()).isEqualTo("****UvWx");
        assertThat(settings.masked().get("config").get("channel").stringValue()).isEqualTo("C0123456789");
        String destination = settings.destinationFor(EventType.ACTION_BLOCKED).orElseThrow();
        assertThat(SlackDestination.decode(destination)).isEqualTo(SlackDestination.bot("C0123456789", TOKEN));
        assertThat(SlackDestination.decode(destination).masked()).isEqualTo("channel C0123456789 (bot token ****UvWx)")
                .doesNotContain(TOKEN);
    }

    @Test
    void bothModesOrNeitherIsAnError() {
        assertThat(read("{\"webhook_url\": \"" + HOOK + "\", \"bot_token\": \"" + TOKEN + "\", \"channel\": \"C0123456789\"}",
                null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
        assertThat(read("{}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
        assertThat(read("{\"bot_token\": \"" + TOKEN + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.channel");
        assertThat(read("{\"channel\": \"C0123456789\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.bot_token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/services/T0/B0/x", "http://hooks.slack.com/services/T0/B0/x",
            "https://hooks.slack.com/other", "https://hooks.slack.com:8443/services/T0/B0/x", "hooks.slack.com/services/T0/B0/x",
            "https://user:pw@hooks.slack.com/services/T0/B0/x", "http://127.0.0.1:8090/slack/webhooks/a" })
    void otherUrlsAreRefusedOnConfigWebhookUrl(String url) {
        assertThat(read("{\"webhook_url\": \"" + url + "\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
    }

    @Test
    void anAllowListedHostMayServeAnyPathOverHttp() {
        SlackSettings settings = read("{\"webhook_url\": \"http://127.0.0.1:8090/slack/webhooks/ops\"}", null,
                LOOPBACK_ALLOWED);

        assertThat(errors.list()).isEmpty();
        assertThat(settings.webhookUrl()).isEqualTo("http://127.0.0.1:8090/slack/webhooks/ops");
        assertThat(settings.warnings(List.of(EventType.ACTION_BLOCKED))).singleElement().asString().contains("http");
    }

    @ParameterizedTest
    @ValueSource(strings = { "xoxp-1234567890-abcdefghij", "xoxb-", "token", "xoxb-short", "xoxb-has space-1234567890" })
    void badTokensAreRefusedOnConfigBotToken(String token) {
        assertThat(read("{\"bot_token\": \"" + token + "\", \"channel\": \"C0123456789\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.bot_token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "#general", "general", "c0123456789", "X0123456789", "C01", "C0123456789012345678901" })
    void badChannelIdsAreRefusedOnConfigChannel(String channel) {
        assertThat(read("{\"bot_token\": \"" + TOKEN + "\", \"channel\": \"" + channel + "\"}", null, NOTHING_ALLOWED))
                .isNull();
        assertThat(fields()).containsExactly("config.channel");
    }

    @Test
    void secretsSentBackMaskedAreKept() {
        SlackSettings bot = read("{\"bot_token\": \"" + TOKEN + "\", \"channel\": \"C0123456789\"}", null, NOTHING_ALLOWED);
        SlackSettings again = read("{\"bot_token\": \"****UvWx\", \"channel\": \"C0987654321\"}", bot, NOTHING_ALLOWED);
        assertThat(again.botToken()).isEqualTo(TOKEN);
        assertThat(again.channel()).isEqualTo("C0987654321");

        SlackSettings hook = read("{\"webhook_url\": \"" + HOOK + "\"}", null, NOTHING_ALLOWED);
        assertThat(read("{\"webhook_url\": \"https://hooks.slack.com/…\"}", hook, NOTHING_ALLOWED).webhookUrl()).isEqualTo(HOOK);
    }

    @Test
    void aMaskedSecretThatMatchesNothingIsRefused() {
        SlackSettings bot = read("{\"bot_token\": \"" + TOKEN + "\", \"channel\": \"C0123456789\"}", null, NOTHING_ALLOWED);
        assertThat(read("{\"bot_token\": \"****abcd\", \"channel\": \"C0123456789\"}", bot, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.bot_token");
        assertThat(read("{\"webhook_url\": \"https://hooks.slack.com/…\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.webhook_url");
    }

    @Test
    void runbookLinksAreCheckedPerEventType() {
        SlackSettings settings = read("{\"webhook_url\": \"" + HOOK + "\", \"runbook_links\": {\"action.blocked\": "
                + "\"https://wiki.example.com/rb\"}}", null, NOTHING_ALLOWED);
        assertThat(settings.runbookFor(EventType.ACTION_BLOCKED)).hasValue("https://wiki.example.com/rb");

        assertThat(read("{\"webhook_url\": \"" + HOOK + "\", \"runbook_links\": {\"nope\": \"https://x.example\", "
                + "\"action.blocked\": \"not a url\"}}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactlyInAnyOrder("config.runbook_links.nope", "config.runbook_links.action.blocked");
    }

    @Test
    void unknownFieldsAreErrors() {
        assertThat(read("{\"webhook_url\": \"" + HOOK + "\", \"url\": \"x\"}", null, NOTHING_ALLOWED)).isNull();
        assertThat(fields()).containsExactly("config.url");
    }

    @Test
    void theStoredJsonReadsBackAlike() {
        SlackSettings bot = read("{\"bot_token\": \"" + TOKEN + "\", \"channel\": \"C0123456789\", \"runbook_links\": "
                + "{\"action.blocked\": \"https://wiki.example.com/rb\"}}", null, NOTHING_ALLOWED);
        assertThat(SlackSettings.fromJson(bot.toJson())).isEqualTo(bot);
    }

    private SlackSettings read(String config, SlackSettings stored, OutboundAddressPolicy policy) {
        errors = new FieldErrors();
        JsonFields channel = JsonFields.object(JSON.readTree("{\"config\": " + config + "}"), "", errors).orElseThrow();
        return new SlackSettingsReader(channel, stored, policy).read();
    }

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }
}
