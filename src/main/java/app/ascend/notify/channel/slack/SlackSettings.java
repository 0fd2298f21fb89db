package app.ascend.notify.channel.slack;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.secret.KeyMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack channel's {@code config}: exactly one of an incoming webhook URL ({@code webhook_url}) or a bot
 * token with a channel id ({@code bot_token}, {@code channel}), and optional runbook links per event type.
 * The webhook URL and the bot token are secrets (a webhook URL is the credential, FACTS.md §1): stored in
 * clear here (the core seals the settings), masked in every answer.
 */
record SlackSettings(String webhookUrl, String botToken, String channel, Map<String, String> runbookLinks)
        implements ChannelSettings {

    SlackSettings {
        runbookLinks = Map.copyOf(runbookLinks == null ? Map.of() : runbookLinks);
        if ((webhookUrl == null) == (botToken == null || channel == null)) {
            throw new IllegalArgumentException("a Slack channel has exactly one of a webhook URL or a bot token and channel");
        }
    }

    boolean botMode() {
        return botToken != null;
    }

    SlackDestination destination() {
        return botMode() ? SlackDestination.bot(channel, botToken) : SlackDestination.webhook(webhookUrl);
    }

    Optional<String> runbookFor(EventType type) {
        return Optional.ofNullable(runbookLinks.get(type.wireName()));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        if (botMode()) {
            config.put("bot_token", botToken);
            config.put("channel", channel);
        } else {
            config.put("webhook_url", webhookUrl);
        }
        if (!runbookLinks.isEmpty()) {
            ObjectNode links = config.putObject("runbook_links");
            new java.util.TreeMap<>(runbookLinks).forEach(links::put);
        }
        return root;
    }

    static SlackSettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        Map<String, String> links = new LinkedHashMap<>();
        JsonNode stored = config.get("runbook_links");
        if (stored != null && stored.isObject()) {
            stored.properties().forEach(entry -> links.put(entry.getKey(), entry.getValue().stringValue()));
        }
        return new SlackSettings(text(config, "webhook_url"), text(config, "bot_token"), text(config, "channel"), links);
    }

    private static String text(JsonNode config, String field) {
        JsonNode node = config.get(field);
        return node == null || node.isNull() ? null : node.stringValue();
    }

    @Override
    public ObjectNode masked() {
        ObjectNode root = toJson();
        ObjectNode config = (ObjectNode) root.get("config");
        if (botMode()) {
            config.put("bot_token", KeyMask.mask(botToken));
        } else {
            config.put("webhook_url", SlackDestination.maskUrl(webhookUrl));
        }
        return root;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        List<String> warnings = new ArrayList<>();
        if (!botMode() && "http".equalsIgnoreCase(URI.create(webhookUrl).getScheme())) {
            warnings.add("config.webhook_url uses http: ASCEND_OUTBOUND_ALLOW allows this host, but messages travel "
                    + "unencrypted; Slack's own webhooks are https://hooks.slack.com/…");
        }
        if (!botMode() && subscribed.stream().anyMatch(type -> type.action() != EventType.Action.TRIGGER
                && type.action() != EventType.Action.NOTICE
                && type.action() != EventType.Action.CHANGE)) { // a change is a message of its own: nothing to update
            warnings.add("An incoming webhook cannot edit what it posted (Slack returns no message ts): approvals and "
                    + "resolves arrive as new messages quoting the alert. Use config.bot_token and config.channel to "
                    + "have the alert itself updated and a thread reply added.");
        }
        return warnings;
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, destination().encoded()));
        return destinations;
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(destination().encoded());
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(destination().encoded());
    }

    /** Never the secrets, should a record ever be logged. */
    @Override
    public String toString() {
        return "SlackSettings[" + destination().masked() + "]";
    }
}
