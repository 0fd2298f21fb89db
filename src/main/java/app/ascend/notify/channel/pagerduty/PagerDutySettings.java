package app.ascend.notify.channel.pagerduty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.secret.KeyMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PagerDuty channel's settings, typed: {@code config}, {@code severity_mapping} and
 * {@code routing_rules}, keys in clear. Stored as the JSON of {@link #toJson()}. {@code webhookSecret}: the
 * signing secret of the v3 webhook subscription that posts to this channel's webhook URL (null: none), sealed
 * and masked like the keys. {@code restApiToken}: a PagerDuty REST API token (null: none) with which a periodic
 * reconciliation asks PagerDuty what became of the channel's incidents; sealed and masked like the keys.
 */
public record PagerDutySettings(String integrationKey, String routingKey, String region, Map<String, String> routingKeys,
        Map<String, String> runbookLinks, boolean includeMetadata, Map<String, String> severityMapping,
        List<RoutingRule> routingRules, String webhookSecret, String restApiToken) implements ChannelSettings {

    /** {@code {"events": [...], "routing_key": "<key or alias>"}}. */
    public record RoutingRule(List<EventType> events, String routingKey) {
    }

    public static final String REGION_US = "us";
    public static final String REGION_EU = "eu";

    /**
     * The routing key events of this type go to: the first routing rule listing the type, else
     * {@code routing_key}, else {@code integration_key}; an alias is resolved through {@code routing_keys}.
     */
    public String routingKeyFor(EventType type) {
        for (RoutingRule rule : routingRules) {
            if (rule.events().contains(type)) {
                return resolve(rule.routingKey());
            }
        }
        return defaultKey();
    }

    /** {@code routing_key}, else {@code integration_key}: where test alerts go. */
    public String defaultKey() {
        return routingKey != null ? resolve(routingKey) : resolve(integrationKey);
    }

    public String resolve(String keyOrAlias) {
        return keyOrAlias == null ? null : routingKeys.getOrDefault(keyOrAlias, keyOrAlias);
    }

    /** A destination: {@code <region>|<routing key>}, one PagerDuty service in one region. */
    static String destination(String region, String routingKey) {
        return region + "|" + routingKey;
    }

    static String regionOf(String destination) {
        return destination.substring(0, destination.indexOf('|'));
    }

    static String routingKeyOf(String destination) {
        return destination.substring(destination.indexOf('|') + 1);
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        String key = routingKeyFor(type);
        return key == null ? Optional.empty() : Optional.of(destination(region, key));
    }

    @Override
    public Optional<String> testDestination() {
        String key = defaultKey();
        return key == null ? Optional.empty() : Optional.of(destination(region, key));
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, destination(region, routingKeyFor(type))));
        return destinations;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        return new PagerDutyWarnings(this, subscribed).all();
    }

    /** Keys masked; an alias name (as the page's {@code "security-on-call"}) is no secret, a literal key is. */
    @Override
    public ObjectNode masked() {
        ObjectNode masked = toJson();
        ObjectNode config = (ObjectNode) masked.get("config");
        if (integrationKey != null) {
            config.put("integration_key", KeyMask.mask(integrationKey));
        }
        if (routingKey != null) {
            config.put("routing_key", maskUnlessAlias(routingKey));
        }
        ObjectNode aliases = config.putObject("routing_keys");
        routingKeys.forEach((alias, key) -> aliases.put(alias, KeyMask.mask(key)));
        if (webhookSecret != null) {
            config.put("webhook_secret", KeyMask.mask(webhookSecret));
        }
        if (restApiToken != null) {
            config.put("rest_api_token", KeyMask.mask(restApiToken));
        }
        ArrayNode rules = (ArrayNode) masked.get("routing_rules");
        for (int i = 0; i < rules.size(); i++) {
            ((ObjectNode) rules.get(i)).put("routing_key", maskUnlessAlias(routingRules.get(i).routingKey()));
        }
        return masked;
    }

    private String maskUnlessAlias(String keyOrAlias) {
        return routingKeys.containsKey(keyOrAlias) ? keyOrAlias : KeyMask.mask(keyOrAlias);
    }

    public Optional<String> runbookFor(EventType type) {
        return Optional.ofNullable(runbookLinks.get(type.wireName()));
    }

    @Override
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ObjectNode config = root.putObject("config");
        if (integrationKey != null) {
            config.put("integration_key", integrationKey);
        }
        if (routingKey != null) {
            config.put("routing_key", routingKey);
        }
        config.put("region", region);
        ObjectNode aliases = config.putObject("routing_keys");
        routingKeys.forEach(aliases::put);
        ObjectNode runbooks = config.putObject("runbook_links");
        runbookLinks.forEach(runbooks::put);
        config.put("include_metadata", includeMetadata);
        if (webhookSecret != null) {
            config.put("webhook_secret", webhookSecret);
        }
        if (restApiToken != null) {
            config.put("rest_api_token", restApiToken);
        }
        ObjectNode mapping = root.putObject("severity_mapping");
        severityMapping.forEach(mapping::put);
        ArrayNode rules = root.putArray("routing_rules");
        for (RoutingRule rule : routingRules) {
            ObjectNode node = rules.addObject();
            ArrayNode events = node.putArray("events");
            rule.events().forEach(type -> events.add(type.wireName()));
            node.put("routing_key", rule.routingKey());
        }
        return root;
    }

    public static PagerDutySettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        List<RoutingRule> rules = new ArrayList<>();
        for (JsonNode rule : root.get("routing_rules")) {
            List<EventType> events = new ArrayList<>();
            rule.get("events").forEach(e -> events.add(EventType.fromWireName(e.stringValue()).orElseThrow()));
            rules.add(new RoutingRule(List.copyOf(events), rule.get("routing_key").stringValue()));
        }
        return new PagerDutySettings(text(config, "integration_key"), text(config, "routing_key"),
                config.get("region").stringValue(), map(config.get("routing_keys")), map(config.get("runbook_links")),
                config.get("include_metadata").booleanValue(), map(root.get("severity_mapping")), List.copyOf(rules),
                text(config, "webhook_secret"), text(config, "rest_api_token"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().stringValue()));
        return map;
    }
}
