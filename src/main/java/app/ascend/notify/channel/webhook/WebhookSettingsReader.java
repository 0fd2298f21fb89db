package app.ascend.notify.channel.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a webhook channel's {@code config}. The URL must be absolute https (http only for
 * a host the operator's ASCEND_OUTBOUND_ALLOW lists), without user-info, and must not reach a loopback,
 * private, link-local or metadata address unless allowed ({@link OutboundAddressPolicy}). The secret is
 * generated on create and kept afterwards: a client may send it back masked as it read it, never choose
 * one (sending back the stored one, as the document a PATCH merges onto does, keeps it too). The URL sent
 * back masked (as answers show it) stands for the stored one.
 */
final class WebhookSettingsReader {
    static final int MAX_URL_LENGTH = 2048;
    /** How {@link app.ascend.notify.outbound.Redaction#url} ends a URL whose path or query it hid. */
    private static final String MASKED_TAIL = "/…";
    /**
     * {@code previous_secret} and its expiry are read-only: answers show the expiry during a rotation, and
     * the clear document a PATCH merges onto ({@code toJson}) carries both; whatever is sent is ignored.
     */
    static final Set<String> CONFIG_FIELDS = Set.of("url", "rate_per_minute", "secret", "previous_secret",
            "previous_secret_expires_at");

    private final JsonFields channel;
    private final WebhookSettings stored;
    private final OutboundAddressPolicy policy;
    private final Instant now;
    private final Duration rotationGrace;

    WebhookSettingsReader(JsonFields channel, WebhookSettings stored, OutboundAddressPolicy policy, Instant now,
            Duration rotationGrace) {
        this.channel = channel;
        this.stored = stored == null ? null : stored.withoutExpiredPrevious(now);
        this.policy = policy;
        this.now = now;
        this.rotationGrace = rotationGrace;
    }

    /** The settings, or null when an error was recorded. */
    WebhookSettings read() {
        if (!channel.hasValue("config")) {
            channel.errors().add("config", "is required: give config.url, the https URL that receives the events");
            return null;
        }
        Optional<JsonFields> maybeConfig = JsonFields.object(channel.get("config"), "config", channel.errors());
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        String url = url(config);
        int rate = config.integer("rate_per_minute", 0, WebhookSettings.MAX_RATE_PER_MINUTE)
                .orElse(WebhookSettings.DEFAULT_RATE_PER_MINUTE);
        String secret = secret(config);
        if (url == null || secret == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new WebhookSettings(url, rate, secret, stored == null ? null : stored.previousSecret(),
                stored == null ? null : stored.previousSecretExpiresAt(), rotationGrace);
    }

    private String url(JsonFields config) {
        String path = config.path("url");
        Optional<String> value = config.string("url", true, MAX_URL_LENGTH);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (stored != null && text.equals(stored.maskedUrl())) {
            return stored.url(); // sent back as read
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
            channel.errors().add(path, "must be an absolute URL with a host, e.g. https://hooks.example.com/ascend");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            channel.errors().add(path, "must not carry a user name or password (user-info); put a token in the path "
                    + "or query instead, and the signature proves the sender");
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

    private String secret(JsonFields config) {
        Optional<String> sent = config.has("secret") ? config.string("secret", false, 200) : Optional.empty();
        if (config.hasValue("secret") && sent.isEmpty()) {
            return null; // not a string: already an error
        }
        if (sent.isEmpty()) {
            return stored == null ? WebhookSecret.generate() : stored.secret();
        }
        if (stored != null && (sent.get().equals(WebhookSecret.mask(stored.secret())) || sent.get().equals(stored.secret()))) {
            return stored.secret(); // as read (masked), or as stored (the document a PATCH merges onto)
        }
        channel.errors().add(config.path("secret"), "is generated by the service and cannot be chosen: send it back "
                + "masked as you read it, or leave it out; POST /api/notifications/channels/{id}/rotate-secret makes a new one");
        return null;
    }
}
