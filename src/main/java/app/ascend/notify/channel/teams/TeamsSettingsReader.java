package app.ascend.notify.channel.teams;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.ascend.notify.channel.spi.RunbookLinks;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.UserEnteredUrl;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a Teams channel's {@code config}. The webhook URL (read by {@link UserEnteredUrl}) must be
 * absolute https (http only for a host ASCEND_OUTBOUND_ALLOW lists), without user-info, and must not reach a
 * loopback, private, link-local or metadata address unless allowed ({@link OutboundAddressPolicy}). Hosts are not
 * pinned to Microsoft's: flow hosts have moved before ({@code *.logic.azure.com}, {@code *.api.powerplatform.com};
 * FACTS.md §7), so any https host is accepted. The URL sent back masked (as answers show it) stands for the
 * stored one.
 */
final class TeamsSettingsReader {
    /** Workflows trigger URLs carry a long signature; 2,048 is far above any seen and bounds what is stored. */
    static final int MAX_URL_LENGTH = 2048;
    private static final UserEnteredUrl.Wording URL_WORDING = new UserEnteredUrl.Wording(
            UserEnteredUrl.MASKED_MATCHES_NONE,
            "must be an absolute URL with a host: the HTTP POST URL of the Workflows trigger, "
                    + "e.g. https://prod-00.westus.logic.azure.com:443/workflows/…",
            "must not carry a user name or password (user-info)");
    static final Set<String> CONFIG_FIELDS = Set.of("webhook_url", "runbook_links");

    private final JsonFields channel;
    private final TeamsSettings stored;
    private final OutboundAddressPolicy policy;

    TeamsSettingsReader(JsonFields channel, TeamsSettings stored, OutboundAddressPolicy policy) {
        this.channel = channel;
        this.stored = stored;
        this.policy = policy;
    }

    /** The settings, or null when an error was recorded. */
    TeamsSettings read() {
        Optional<JsonFields> maybeConfig = channel.requiredObject("config", "is required: give config.webhook_url, "
                + "the URL of a Teams Workflows webhook (\"Post to a channel when a webhook request is received\")");
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        String url = new UserEnteredUrl(policy, URL_WORDING).read(config, "webhook_url", MAX_URL_LENGTH,
                stored == null ? null : stored.webhookUrl(), UserEnteredUrl.SentBack.MASKED);
        Map<String, String> runbooks = RunbookLinks.read(config);
        if (url == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new TeamsSettings(url, runbooks);
    }
}
