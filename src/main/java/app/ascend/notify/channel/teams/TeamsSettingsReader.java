package app.ascend.notify.channel.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.ascend.notify.channel.spi.RunbookLinks;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a Teams channel's {@code config}. The webhook URL must be absolute https (http only for a
 * host ASCEND_OUTBOUND_ALLOW lists), without user-info, and must not reach a loopback, private, link-local or
 * metadata address unless allowed ({@link OutboundAddressPolicy}). Hosts are not pinned to Microsoft's: flow
 * hosts have moved before ({@code *.logic.azure.com}, {@code *.api.powerplatform.com}; FACTS.md §7), so any
 * https host is accepted. The URL sent back masked (as answers show it) stands for the stored one.
 */
final class TeamsSettingsReader {
    /** Workflows trigger URLs carry a long signature; 2,048 is far above any seen and bounds what is stored. */
    static final int MAX_URL_LENGTH = 2048;
    /** How {@link app.ascend.notify.outbound.Redaction#url} ends a URL whose path or query it hid. */
    private static final String MASKED_TAIL = "/…";
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
        if (!channel.hasValue("config")) {
            channel.errors().add("config", "is required: give config.webhook_url, the URL of a Teams Workflows webhook "
                    + "(\"Post to a channel when a webhook request is received\")");
            return null;
        }
        Optional<JsonFields> maybeConfig = JsonFields.object(channel.get("config"), "config", channel.errors());
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        String url = webhookUrl(config);
        Map<String, String> runbooks = RunbookLinks.read(config);
        if (url == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new TeamsSettings(url, runbooks);
    }

    private String webhookUrl(JsonFields config) {
        String path = config.path("webhook_url");
        Optional<String> value = config.string("webhook_url", true, MAX_URL_LENGTH);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (stored != null && text.equals(stored.maskedUrl())) {
            return stored.webhookUrl(); // sent back as read
        }
        if (text.endsWith(MASKED_TAIL)) {
            channel.errors().add(path, "is a masked URL that matches no stored one; send the full URL, or leave config "
                    + "out of a PATCH to keep the stored one");
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            channel.errors().add(path, "is not a valid URL: " + e.getReason());
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            channel.errors().add(path, "must be an absolute URL with a host: the HTTP POST URL of the Workflows trigger, "
                    + "e.g. https://prod-00.westus.logic.azure.com:443/workflows/…");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            channel.errors().add(path, "must not carry a user name or password (user-info)");
            return null;
        }
        if (scheme.equals("http")) {
            if (!policy.allowListed(uri)) {
                channel.errors().add(path, "must use https; http is allowed only for hosts that ASCEND_OUTBOUND_ALLOW lists");
                return null;
            }
        } else if (!scheme.equals("https")) {
            channel.errors().add(path, "must be an https URL");
            return null;
        }
        Optional<String> refusal = policy.refusal(uri);
        if (refusal.isPresent()) {
            channel.errors().add(path, "is refused: " + refusal.get());
            return null;
        }
        return uri.toString();
    }
}
