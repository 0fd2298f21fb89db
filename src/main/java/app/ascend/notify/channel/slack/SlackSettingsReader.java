package app.ascend.notify.channel.slack;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.ascend.notify.channel.spi.RunbookLinks;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.UserEnteredUrl;
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a Slack channel's {@code config}, each error with its path:
 * <ul>
 * <li>exactly one mode: {@code webhook_url}, or {@code bot_token} with {@code channel};
 * <li>{@code webhook_url}: {@code https://hooks.slack.com/services/T…/B…/…} (the shape Slack issues, FACTS.md §1,
 * https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks); any http(s) URL only on a host the
 * operator's ASCEND_OUTBOUND_ALLOW lists (a stand-in, a proxy); never a loopback, private or metadata address
 * otherwise ({@link OutboundAddressPolicy});
 * <li>{@code bot_token}: a bot token, {@code xoxb-…} (FACTS.md §4, "Auth": {@code xoxp-} is a user token);
 * <li>{@code channel}: a conversation id ({@code C…} public, {@code G…} private, {@code D…} direct): Slack
 * recommends ids over names ([D4] "channel"); the exact id length is not documented, so any 8 to 20 upper-case
 * letters and digits after the first are taken (unconfirmed; ids seen are 9 to 11);
 * <li>{@code runbook_links}: event type → http(s) URL, a "Runbook" button on that type's messages.
 * </ul>
 * A secret sent back masked, as answers show it, stands for the stored one.
 */
final class SlackSettingsReader {
    static final Set<String> CONFIG_FIELDS = Set.of("webhook_url", "bot_token", "channel", "runbook_links");
    static final String SLACK_WEBHOOK_HOST = "hooks.slack.com";
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TOKEN_LENGTH = 255;
    static final Pattern TOKEN = Pattern.compile("xoxb-[A-Za-z0-9-]{10,250}");
    static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{8,20}");
    private static final Pattern WEBHOOK_PATH = Pattern.compile("/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+");
    private static final UserEnteredUrl.Wording URL_WORDING = new UserEnteredUrl.Wording(
            "is a masked URL that matches no stored one; send the full webhook URL, or leave config out of a PATCH to "
                    + "keep the stored one",
            "must be Slack's incoming webhook URL, https://hooks.slack.com/services/T…/B…/…",
            "must not carry a user name or password");

    private final JsonFields channel;
    private final SlackSettings stored;
    private final OutboundAddressPolicy policy;

    SlackSettingsReader(JsonFields channel, SlackSettings stored, OutboundAddressPolicy policy) {
        this.channel = channel;
        this.stored = stored;
        this.policy = policy;
    }

    /** The settings, or null when an error was recorded. */
    SlackSettings read() {
        Optional<JsonFields> maybeConfig = channel.requiredObject("config", "is required: give config.webhook_url "
                + "(an incoming webhook), or config.bot_token and config.channel (a Slack app's bot)");
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        boolean webhook = config.hasValue("webhook_url");
        boolean bot = config.hasValue("bot_token") || config.hasValue("channel");
        if (webhook && bot) {
            channel.errors().add(config.path("webhook_url"), "give either config.webhook_url or config.bot_token with "
                    + "config.channel, not both (a PATCH that switches modes sets the other fields to null)");
            return null;
        }
        if (!webhook && !bot) {
            channel.errors().add(config.path("webhook_url"), "is required unless config.bot_token and config.channel "
                    + "are given");
            return null;
        }
        String url = webhook ? webhookUrl(config) : null;
        String token = bot ? token(config) : null;
        String channelId = bot ? channelId(config) : null;
        // Slack's button url is at most 3000 characters ([D10]); RunbookLinks takes at most 2000, which leaves room.
        Map<String, String> runbooks = RunbookLinks.read(config);
        if (channel.errors().list().size() > errorsBefore || (webhook ? url == null : token == null || channelId == null)) {
            return null;
        }
        return new SlackSettings(url, token, channelId, runbooks);
    }

    private String webhookUrl(JsonFields config) {
        return new UserEnteredUrl(policy, URL_WORDING, this::slackWebhookUnlessAllowListed).read(config, "webhook_url",
                MAX_URL_LENGTH, stored == null || stored.botMode() ? null : stored.webhookUrl(),
                UserEnteredUrl.SentBack.MASKED_OR_CLEAR);
    }

    /**
     * On a host ASCEND_OUTBOUND_ALLOW lists (a stand-in, a proxy) any http(s) URL; anywhere else only the shape
     * Slack issues.
     */
    private Optional<String> slackWebhookUnlessAllowListed(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (policy.allowListed(uri)) {
            return scheme.equals("https") || scheme.equals("http") ? Optional.empty()
                    : Optional.of("must be an https URL");
        }
        if (!scheme.equals("https") || !SLACK_WEBHOOK_HOST.equalsIgnoreCase(uri.getHost()) || uri.getPort() != -1
                || uri.getRawQuery() != null || !WEBHOOK_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath())
                        .matches()) {
            return Optional.of("must be Slack's incoming webhook URL, https://hooks.slack.com/services/T…/B…/… "
                    + "(copy it from your Slack app's \"Incoming Webhooks\" page); another host only when "
                    + "ASCEND_OUTBOUND_ALLOW lists it");
        }
        return Optional.empty();
    }

    private String token(JsonFields config) {
        String path = config.path("bot_token");
        if (!config.hasValue("bot_token")) {
            channel.errors().add(path, "is required with config.channel: the app's Bot User OAuth Token, xoxb-…");
            return null;
        }
        Optional<String> value = config.string("bot_token", true, MAX_TOKEN_LENGTH);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (KeyMask.isMasked(text)) {
            if (stored != null && stored.botMode() && KeyMask.mask(stored.botToken()).equals(text)) {
                return stored.botToken();
            }
            channel.errors().add(path, "is a masked value that matches no stored token; send the full token, or leave "
                    + "config out of a PATCH to keep the stored one");
            return null;
        }
        if (text.startsWith("xoxp-")) {
            channel.errors().add(path, "is a user token (xoxp-); use the app's Bot User OAuth Token, xoxb-…");
            return null;
        }
        if (!TOKEN.matcher(text).matches()) {
            channel.errors().add(path, "must be a Slack bot token, xoxb- followed by letters, digits and dashes "
                    + "(OAuth & Permissions → Bot User OAuth Token; needs the chat:write scope)");
            return null;
        }
        return text;
    }

    private String channelId(JsonFields config) {
        String path = config.path("channel");
        if (!config.hasValue("channel")) {
            channel.errors().add(path, "is required with config.bot_token: the channel's id, e.g. C0123456789");
            return null;
        }
        Optional<String> value = config.string("channel", true, 64);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (!CHANNEL_ID.matcher(text).matches()) {
            channel.errors().add(path, "must be a Slack channel id (C…, G… or D… and upper-case letters and digits, e.g. "
                    + "C0123456789; in Slack: channel details → About → Channel ID), not a #name");
            return null;
        }
        return text;
    }
}
