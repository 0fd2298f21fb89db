package app.ascend.notify.channel.teams;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.Redaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Teams channel's {@code config}: the Workflows webhook URL ("Post to a channel when a webhook request is
 * received", https://learn.microsoft.com/connectors/teams/) and optional runbook links per event type. The URL
 * is the destination and a secret: its {@code sig} query parameter is the credential (shared/reference/teams/
 * FACTS.md §2), so answers show only its scheme and host. Stored as {@link #toJson()}, which the core seals.
 *
 * @param runbookLinks event type wire name → runbook URL, a button on that type's cards
 */
public record TeamsSettings(String webhookUrl, Map<String, String> runbookLinks) implements ChannelSettings {

    /**
     * Hosts of the Office 365 (Microsoft 365) connectors' incoming webhooks, retired at the end of 2025
     * (https://devblogs.microsoft.com/microsoft365dev/retirement-of-office-365-connectors-within-microsoft-teams/,
     * as quoted in FACTS.md §1); the final shutdown date is unconfirmed, so such a URL is allowed with a warning.
     */
    static final List<String> LEGACY_CONNECTOR_HOSTS = List.of("webhook.office.com", "outlook.office.com",
            "outlook.office365.com");

    public TeamsSettings {
        runbookLinks = Map.copyOf(runbookLinks);
    }

    /** The URL as answers show it: scheme, host and port (the signature in the query is the secret). */
    String maskedUrl() {
        return Redaction.url(URI.create(webhookUrl));
    }

    /** The runbook button's URL for events of {@code type}, if the channel has one. */
    Optional<String> runbookFor(EventType type) {
        return Optional.ofNullable(runbookLinks.get(type.wireName()));
    }

    boolean legacyConnector() {
        String host = URI.create(webhookUrl).getHost().toLowerCase(Locale.ROOT);
        return LEGACY_CONNECTOR_HOSTS.stream().anyMatch(legacy -> host.equals(legacy) || host.endsWith("." + legacy));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("webhook_url", webhookUrl);
        ObjectNode runbooks = config.putObject("runbook_links");
        new TreeMap<>(runbookLinks).forEach(runbooks::put);
        return root;
    }

    static TeamsSettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        Map<String, String> runbooks = new LinkedHashMap<>();
        JsonNode stored = config.get("runbook_links");
        if (stored != null && stored.isObject()) {
            stored.properties().forEach(entry -> runbooks.put(entry.getKey(), entry.getValue().stringValue()));
        }
        return new TeamsSettings(config.get("webhook_url").stringValue(), runbooks);
    }

    @Override
    public ObjectNode masked() {
        ObjectNode root = toJson();
        ((ObjectNode) root.get("config")).put("webhook_url", maskedUrl());
        return root;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        List<String> warnings = new ArrayList<>();
        if ("http".equalsIgnoreCase(URI.create(webhookUrl).getScheme())) {
            warnings.add("config.webhook_url uses http: ASCEND_OUTBOUND_ALLOW allows this host, but the alerts and the "
                    + "URL's signature travel unencrypted; use https outside a trusted network");
        }
        if (legacyConnector()) {
            warnings.add("config.webhook_url is an Office 365 connector (incoming webhook) URL: Microsoft retired these "
                    + "connectors at the end of 2025; create a Workflows webhook (\"Post to a channel when a webhook "
                    + "request is received\") and use its URL");
        }
        return warnings;
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, webhookUrl));
        return destinations;
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(webhookUrl);
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(webhookUrl);
    }

    /** Never the URL's signature, should a record ever be logged. */
    @Override
    public String toString() {
        return "TeamsSettings[webhookUrl=" + maskedUrl() + ", runbookLinks=" + runbookLinks.keySet() + "]";
    }
}
