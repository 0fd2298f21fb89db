package app.ascend.notify.channel.pagerduty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.ChannelType;
import app.ascend.notify.event.EventType;
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code pagerduty} channel type: its {@code config}, {@code severity_mapping} and
 * {@code routing_rules}, which keys in them are secret, and the advice a user needs before PagerDuty
 * refuses an event (keys that are not 32 letters and digits, rules that never apply).
 */
@Component
public class PagerDutyChannelType implements ChannelType {
    public static final String NAME = "pagerduty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config", "severity_mapping", "routing_rules");
    }

    @Override
    public ObjectNode readSettings(JsonFields channel, ObjectNode stored, List<EventType> events) {
        PagerDutySettings previous = stored == null ? null : PagerDutySettings.fromJson(stored);
        PagerDutySettings settings = new PagerDutySettingsReader(channel, previous).read();
        return settings == null ? null : settings.toJson();
    }

    @Override
    public ObjectNode masked(ObjectNode settingsJson) {
        PagerDutySettings settings = PagerDutySettings.fromJson(settingsJson);
        ObjectNode masked = settingsJson.deepCopy();
        ObjectNode config = (ObjectNode) masked.get("config");
        if (settings.integrationKey() != null) {
            config.put("integration_key", KeyMask.mask(settings.integrationKey()));
        }
        if (settings.routingKey() != null) {
            config.put("routing_key", maskUnlessAlias(settings.routingKey(), settings));
        }
        ObjectNode aliases = config.putObject("routing_keys");
        settings.routingKeys().forEach((alias, key) -> aliases.put(alias, KeyMask.mask(key)));
        ArrayNode rules = (ArrayNode) masked.get("routing_rules");
        for (int i = 0; i < rules.size(); i++) {
            ((ObjectNode) rules.get(i)).put("routing_key", maskUnlessAlias(settings.routingRules().get(i).routingKey(), settings));
        }
        return masked;
    }

    /** An alias name (as the page's {@code "security-on-call"}) is no secret; a literal key is. */
    private static String maskUnlessAlias(String keyOrAlias, PagerDutySettings settings) {
        return settings.routingKeys().containsKey(keyOrAlias) ? keyOrAlias : KeyMask.mask(keyOrAlias);
    }

    @Override
    public List<String> warnings(ObjectNode settingsJson, List<EventType> events) {
        return new PagerDutyWarnings(PagerDutySettings.fromJson(settingsJson), events).all();
    }

    @Override
    public Map<EventType, String> destinations(ObjectNode settingsJson, List<EventType> subscribed) {
        PagerDutySettings settings = PagerDutySettings.fromJson(settingsJson);
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, settings.region() + ":" + settings.routingKeyFor(type)));
        return destinations;
    }

    static final Set<String> CONFIG_FIELDS = Set.of("integration_key", "routing_key", "region", "routing_keys",
            "runbook_links", "include_metadata");
}
