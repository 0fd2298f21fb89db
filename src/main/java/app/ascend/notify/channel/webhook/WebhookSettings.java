package app.ascend.notify.channel.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.Redaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook channel's {@code config}: the receiver's URL, the rate per URL, and the signing secret (with
 * the previous one while a rotation's grace period lasts). Stored as the JSON of {@link #toJson()},
 * secrets in clear (the core seals it). {@code rotationGrace} is the operator's setting, not stored.
 *
 * @param ratePerMinute  at most this many messages a minute to the URL, 0 for no limit
 */
public record WebhookSettings(String url, int ratePerMinute, String secret, String previousSecret,
        Instant previousSecretExpiresAt, Duration rotationGrace) implements ChannelSettings {

    public static final int DEFAULT_RATE_PER_MINUTE = 600;
    public static final int MAX_RATE_PER_MINUTE = 6000;

    /** The secrets that sign a message sent at {@code now}: the current one first, then the previous one during its grace. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** These settings without a previous secret whose grace ended before {@code now}. */
    WebhookSettings withoutExpiredPrevious(Instant now) {
        if (previousSecretExpiresAt != null && !now.isBefore(previousSecretExpiresAt)) {
            return new WebhookSettings(url, ratePerMinute, secret, null, null, rotationGrace);
        }
        return this;
    }

    boolean plainHttp() {
        return "http".equalsIgnoreCase(URI.create(url).getScheme());
    }

    /** The URL as answers show it: scheme, host and port (webhook URLs often carry a token in the path or query). */
    String maskedUrl() {
        return Redaction.url(URI.create(url));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("url", url);
        config.put("rate_per_minute", ratePerMinute);
        config.put("secret", secret);
        if (previousSecret != null) {
            config.put("previous_secret", previousSecret);
            config.put("previous_secret_expires_at", previousSecretExpiresAt.toString());
        }
        return root;
    }

    static WebhookSettings fromJson(JsonNode root, Duration rotationGrace) {
        JsonNode config = root.get("config");
        JsonNode previous = config.get("previous_secret");
        boolean hasPrevious = previous != null && !previous.isNull();
        return new WebhookSettings(config.get("url").stringValue(), config.get("rate_per_minute").intValue(),
                config.get("secret").stringValue(), hasPrevious ? previous.stringValue() : null,
                hasPrevious ? Instant.parse(config.get("previous_secret_expires_at").stringValue()) : null, rotationGrace);
    }

    @Override
    public ObjectNode masked() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("url", maskedUrl());
        config.put("rate_per_minute", ratePerMinute);
        config.put("secret", WebhookSecret.mask(secret));
        if (previousSecret != null) {
            // When the old secret stops signing; the old secret itself is never shown again.
            config.put("previous_secret_expires_at", previousSecretExpiresAt.toString());
        }
        return root;
    }

    /** The create answer and the rotation answer: the one place the secret is shown in full. */
    @Override
    public ObjectNode shownOnce() {
        ObjectNode root = masked();
        ((ObjectNode) root.get("config")).put("secret", secret);
        return root;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        List<String> warnings = new ArrayList<>();
        if (plainHttp()) {
            warnings.add("config.url uses http: ASCEND_OUTBOUND_ALLOW allows this host, but the events and their "
                    + "signatures travel unencrypted; use https outside a trusted network");
        }
        if (ratePerMinute == 0) {
            warnings.add("config.rate_per_minute is 0: no rate limit, so a burst of events reaches the receiver as "
                    + "fast as it is sent");
        }
        return warnings;
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, url));
        return destinations;
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(url);
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(url);
    }

    @Override
    public Optional<ChannelSettings> withRotatedSecret(Instant now) {
        return Optional.of(new WebhookSettings(url, ratePerMinute, WebhookSecret.generate(), secret,
                now.plus(rotationGrace), rotationGrace));
    }

    /** Never the secrets, should a record ever be logged. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + maskedUrl() + ", ratePerMinute=" + ratePerMinute + "]";
    }
}
