package app.ascend.notify.channel.pagerduty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.RunbookLinks;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.EventTypeList;
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates a PagerDuty channel's own fields. Keys sent back masked (as a client read them)
 * are replaced by the stored key they stand for; a masked value that matches no stored key is an error,
 * since storing {@code ****abcd} as a key would silently break delivery.
 */
final class PagerDutySettingsReader {
    private static final int MAX_KEY_LENGTH = 200;
    private final JsonFields channel;
    private final PagerDutySettings stored;

    PagerDutySettingsReader(JsonFields channel, PagerDutySettings stored) {
        this.channel = channel;
        this.stored = stored;
    }

    /** The settings, or null when {@code config} is unusable (errors recorded). */
    PagerDutySettings read() {
        Map<String, String> severityMapping = severityMapping();
        Optional<JsonFields> maybeConfig = channel.hasValue("config")
                ? JsonFields.object(channel.get("config"), "config", channel.errors())
                : Optional.empty();
        if (!channel.hasValue("config")) {
            channel.errors().add("config", "is required: give config.integration_key or config.routing_key");
        }
        List<PagerDutySettings.RoutingRule> rules = routingRules();
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        config.rejectUnknown(PagerDutyChannelType.CONFIG_FIELDS);
        Map<String, String> aliases = routingKeys(config);
        String integrationKey = key(config, "integration_key", stored == null ? null : stored.integrationKey());
        String routingKey = key(config, "routing_key", stored == null ? null : stored.routingKey());
        if (integrationKey == null && routingKey == null && !config.hasValue("integration_key")
                && !config.hasValue("routing_key")) {
            channel.errors().add("config", "needs integration_key or routing_key (the Integration Key of an Events API v2 "
                    + "integration on a PagerDuty service)");
        }
        String region = config.string("region", false, 10).orElse(PagerDutySettings.REGION_US);
        if (!region.equals(PagerDutySettings.REGION_US) && !region.equals(PagerDutySettings.REGION_EU)) {
            channel.errors().add("config.region", "must be \"us\" or \"eu\" (the region of your PagerDuty account)");
        }
        Map<String, String> runbooks = RunbookLinks.read(config);
        boolean includeMetadata = config.bool("include_metadata").orElse(true);
        List<PagerDutySettings.RoutingRule> restoredRules = restoreRuleKeys(rules, aliases);
        String webhookSecret = key(config, "webhook_secret", stored == null ? null : stored.webhookSecret());
        String restApiToken = key(config, "rest_api_token", stored == null ? null : stored.restApiToken());
        if (restApiToken != null && !restApiToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // It is sent in an Authorization header: PagerDuty's API keys are printable ASCII (20 characters,
            // https://support.pagerduty.com/docs/api-access-keys; the exact alphabet is unconfirmed).
            channel.errors().add(config.path("rest_api_token"), "must be printable ASCII without spaces (a PagerDuty "
                    + "REST API key, from Integrations > API Access Keys)");
            restApiToken = null;
        }
        return new PagerDutySettings(integrationKey, routingKey, region, aliases, runbooks, includeMetadata,
                severityMapping, restoredRules, webhookSecret, restApiToken);
    }

    private String key(JsonFields config, String field, String storedKey) {
        Optional<String> value = config.string(field, false, MAX_KEY_LENGTH);
        if (value.isPresent() && value.get().isBlank()) {
            channel.errors().add(config.path(field), "must not be blank; omit it instead");
            return null;
        }
        return value.map(v -> restore(v, storedKey, config.path(field))).orElse(null);
    }

    private String restore(String value, String storedKey, String path) {
        if (!KeyMask.isMasked(value)) {
            return value.trim();
        }
        if (storedKey != null && KeyMask.mask(storedKey).equals(value)) {
            return storedKey;
        }
        channel.errors().add(path, "is a masked value that matches no stored key; send the full key, or leave the "
                + "field out of a PATCH to keep the stored one");
        return null;
    }

    private Map<String, String> routingKeys(JsonFields config) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (!config.hasValue("routing_keys")) {
            return aliases;
        }
        JsonFields.object(config.get("routing_keys"), "config.routing_keys", channel.errors()).ifPresent(map -> {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                String alias = entry.getKey();
                if (alias.isBlank() || alias.length() > 100) {
                    channel.errors().add(map.path(alias), "alias names are 1 to 100 characters");
                    continue;
                }
                String storedKey = stored == null ? null : stored.routingKeys().get(alias);
                String key = key(map, alias, storedKey);
                if (key != null) {
                    aliases.put(alias, key);
                }
            }
        });
        return aliases;
    }

    private Map<String, String> severityMapping() {
        Map<String, String> mapping = new LinkedHashMap<>(SeverityMapper.DEFAULT_MAPPING);
        if (!channel.hasValue("severity_mapping")) {
            return mapping;
        }
        JsonFields.object(channel.get("severity_mapping"), "severity_mapping", channel.errors()).ifPresent(map -> {
            map.rejectUnknown(SeverityMapper.DEFAULT_MAPPING.keySet());
            for (String level : SeverityMapper.DEFAULT_MAPPING.keySet()) {
                map.string(level, false, 20).ifPresent(severity -> {
                    if (SeverityMapper.SEVERITIES.contains(severity)) {
                        mapping.put(level, severity);
                    } else {
                        channel.errors().add(map.path(level), "must be one of PagerDuty's severities: critical, error, "
                                + "warning, info (lower case)");
                    }
                });
            }
        });
        return mapping;
    }

    private List<PagerDutySettings.RoutingRule> routingRules() {
        List<PagerDutySettings.RoutingRule> rules = new ArrayList<>();
        if (!channel.hasValue("routing_rules")) {
            return rules;
        }
        JsonNode array = channel.get("routing_rules");
        if (!array.isArray()) {
            channel.errors().add("routing_rules", "must be a list of {\"events\": [...], \"routing_key\": \"...\"}");
            return rules;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "routing_rules[" + i + "]";
            JsonFields.object(array.get(i), path, channel.errors()).ifPresent(rule -> {
                rule.rejectUnknown(List.of("events", "routing_key"));
                List<EventType> events = List.of();
                if (!rule.hasValue("events") || !rule.get("events").isArray() || rule.get("events").isEmpty()) {
                    channel.errors().add(rule.path("events"), "must be a non-empty list of event types");
                } else {
                    events = EventTypeList.read(rule.get("events"), rule.path("events"), channel.errors());
                }
                String key = rule.string("routing_key", true, MAX_KEY_LENGTH).map(String::trim).orElse(null);
                if (key != null) {
                    rules.add(new PagerDutySettings.RoutingRule(events, key));
                }
            });
        }
        return rules;
    }

    /** Masked literal keys in rules stand for the stored rule key with the same mask (same position first). */
    private List<PagerDutySettings.RoutingRule> restoreRuleKeys(List<PagerDutySettings.RoutingRule> rules,
            Map<String, String> aliases) {
        List<PagerDutySettings.RoutingRule> restored = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PagerDutySettings.RoutingRule rule = rules.get(i);
            String key = rule.routingKey();
            if (KeyMask.isMasked(key) && !aliases.containsKey(key)) {
                key = storedRuleKey(i, key);
                if (key == null) {
                    channel.errors().add("routing_rules[" + i + "].routing_key", "is a masked value that matches no stored "
                            + "key; send the full key or an alias from config.routing_keys");
                    continue;
                }
            }
            restored.add(new PagerDutySettings.RoutingRule(rule.events(), key));
        }
        return restored;
    }

    private String storedRuleKey(int index, String masked) {
        if (stored == null) {
            return null;
        }
        List<PagerDutySettings.RoutingRule> old = stored.routingRules();
        if (index < old.size() && KeyMask.mask(old.get(index).routingKey()).equals(masked)) {
            return old.get(index).routingKey();
        }
        return old.stream().map(PagerDutySettings.RoutingRule::routingKey)
                .filter(k -> KeyMask.mask(k).equals(masked)).findFirst().orElse(null);
    }
}
