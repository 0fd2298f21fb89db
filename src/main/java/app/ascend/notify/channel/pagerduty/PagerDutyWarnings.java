package app.ascend.notify.channel.pagerduty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.ascend.notify.event.EventType;

/**
 * Advice for settings PagerDuty will refuse: its routing keys are exactly 32 letters and digits
 * (FACTS.md §2; PagerDuty answers 400 "Length of 'routing_key' is incorrect" otherwise), and the
 * product page's own examples use placeholders. Each warning says what will fail and how to fix it,
 * and never quotes a key.
 */
final class PagerDutyWarnings {
    private static final String WHERE_TO_FIND = "Copy the Integration Key from PagerDuty: Services → Service Directory → "
            + "your service → Integrations → Events API v2.";
    private final PagerDutySettings settings;
    private final List<EventType> subscribed;

    PagerDutyWarnings(PagerDutySettings settings, List<EventType> subscribed) {
        this.settings = settings;
        this.subscribed = subscribed;
    }

    List<String> all() {
        List<String> warnings = new ArrayList<>();
        keyWarning("config.routing_key", settings.routingKey(), "every event without a routing rule")
                .ifPresent(warnings::add);
        String integrationUse = settings.routingKey() == null ? "every event without a routing rule"
                : "any event (it is unused while config.routing_key is set, but would be used without it)";
        keyWarning("config.integration_key", settings.integrationKey(), integrationUse).ifPresent(warnings::add);
        settings.routingKeys().forEach((alias, key) -> {
            if (!PagerDutyLimits.isValidRoutingKey(key)) {
                warnings.add("config.routing_keys." + alias + " is not a PagerDuty integration key (" + shape(key)
                        + "): PagerDuty answers 400 to events routed to alias \"" + alias + "\" and no incident opens. "
                        + WHERE_TO_FIND);
            }
        });
        for (int i = 0; i < settings.routingRules().size(); i++) {
            PagerDutySettings.RoutingRule rule = settings.routingRules().get(i);
            String path = "routing_rules[" + i + "].routing_key";
            String types = String.join(", ", rule.events().stream().map(EventType::wireName).toList());
            if (!settings.routingKeys().containsKey(rule.routingKey()) && !PagerDutyLimits.isValidRoutingKey(rule.routingKey())) {
                warnings.add(path + " is neither an alias in config.routing_keys nor a PagerDuty integration key ("
                        + shape(rule.routingKey()) + "): PagerDuty would answer 400 to " + types + " events. Add it to "
                        + "config.routing_keys as an alias for the on-call service's Integration Key, or put the key "
                        + "itself here.");
            }
            List<String> unsubscribed = rule.events().stream().filter(t -> !subscribed.contains(t))
                    .map(EventType::wireName).toList();
            if (!unsubscribed.isEmpty()) {
                warnings.add("routing_rules[" + i + "] lists " + String.join(", ", unsubscribed)
                        + ", which this channel's events do not include, so the rule never applies to them.");
            }
        }
        rulesetKeyForChanges().ifPresent(warnings::add);
        return warnings;
    }

    /**
     * A change type routed to a ruleset key (32 characters starting with {@code R}, [D1]): the Change Events API takes
     * only a service's integration key ([D3], FACTS.md §6), so those changes would be refused.
     */
    private Optional<String> rulesetKeyForChanges() {
        List<String> refused = subscribed.stream().filter(type -> type.action() == EventType.Action.CHANGE)
                .filter(type -> settings.destinationFor(type).map(PagerDutySettings::routingKeyOf)
                        .filter(key -> PagerDutyLimits.isValidRoutingKey(key) && key.startsWith("R")).isPresent())
                .map(EventType::wireName).toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", refused) + " would go to a ruleset key (it starts with R), but PagerDuty's "
                + "Change Events API takes only a service's integration key, so those changes would be refused. Route "
                + "them with routing_rules to a service's Events API v2 key, or leave them out of events.");
    }

    private Optional<String> keyWarning(String path, String key, String use) {
        if (key == null || PagerDutyLimits.isValidRoutingKey(settings.resolve(key))) {
            return Optional.empty();
        }
        if (settings.routingKeys().containsKey(key)) {
            return Optional.empty(); // an alias: its own warning covers the key it names
        }
        return Optional.of(path + " is not a PagerDuty integration key (" + shape(key) + "): PagerDuty answers "
                + "400 to " + use + " sent with it, so nothing would page. " + WHERE_TO_FIND);
    }

    /** How a key differs from PagerDuty's format, without revealing it. */
    private static String shape(String key) {
        boolean alphanumeric = key.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
        String length = key.length() == PagerDutyLimits.ROUTING_KEY_LENGTH ? "32 characters"
                : key.length() + " characters instead of 32";
        return alphanumeric ? length : length + ", and not only letters and digits";
    }
}
