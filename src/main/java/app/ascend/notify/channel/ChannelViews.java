package app.ascend.notify.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import app.ascend.notify.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of a channel: the answer (keys masked, with warnings), the clear document a PATCH
 * merges onto, and what the audit trail records.
 */
@Component
class ChannelViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ChannelTypes types;

    ChannelViews(ChannelTypes types) {
        this.types = types;
    }

    /** The channel as every answer shows it; {@code organizationChannels} feed the duplicate check. */
    ObjectNode view(Channel channel, List<Channel> organizationChannels) {
        ObjectNode view = NODES.objectNode();
        view.put("id", channel.id());
        view.setAll(masked(channel));
        view.put("created_at", channel.createdAt().toString());
        view.put("updated_at", channel.updatedAt().toString());
        ArrayNode warnings = view.putArray("warnings");
        warnings(channel, organizationChannels).forEach(warnings::add);
        return view;
    }

    /** The channel with keys in clear, in request shape: what a PATCH is merged onto. */
    ObjectNode document(Channel channel) {
        ObjectNode doc = common(channel);
        doc.setAll(channel.settings().deepCopy());
        return doc;
    }

    /** What the audit trail keeps of a created or deleted channel: its answer without volatile fields. */
    ObjectNode auditable(Channel channel) {
        return masked(channel);
    }

    /**
     * The fields that changed, before and after, keys masked. A key replaced by one with the same last
     * four characters would look unchanged when masked, so that is said explicitly.
     */
    ObjectNode changes(Channel before, Channel after) {
        ObjectNode changes = NODES.objectNode();
        diff("", masked(before), masked(after), changes, 2);
        if (changes.isEmpty() && !before.settings().equals(after.settings())) {
            changes.putObject("config").put("note", "a key was replaced");
        }
        return changes;
    }

    /** In the product page's order: name, type, enabled, config, events, severity_mapping, filters, ... */
    private ObjectNode masked(Channel channel) {
        ObjectNode common = common(channel);
        ObjectNode typeOwned = types.get(channel.type()).masked(channel.settings());
        ObjectNode doc = NODES.objectNode();
        doc.set("name", common.get("name"));
        doc.set("type", common.get("type"));
        doc.set("enabled", common.get("enabled"));
        if (typeOwned.has("config")) {
            doc.set("config", typeOwned.remove("config"));
        }
        doc.set("events", common.get("events"));
        if (typeOwned.has("severity_mapping")) {
            doc.set("severity_mapping", typeOwned.remove("severity_mapping"));
        }
        doc.set("filters", common.get("filters"));
        doc.setAll(typeOwned);
        return doc;
    }

    private static ObjectNode common(Channel channel) {
        ObjectNode doc = NODES.objectNode();
        doc.put("name", channel.name());
        doc.put("type", channel.type());
        doc.put("enabled", channel.enabled());
        if (channel.events() == null) {
            doc.putNull("events");
        } else {
            ArrayNode events = doc.putArray("events");
            channel.events().forEach(type -> events.add(type.wireName()));
        }
        ObjectNode filters = doc.putObject("filters");
        if (channel.filters().minRiskScore() != null) {
            filters.put("min_risk_score", channel.filters().minRiskScore());
        }
        return doc;
    }

    /*
     * PagerDuty keeps one alert per routing key and dedup key (FACTS.md §3), so the outbox orders messages
     * per destination across channels (delivery.SequenceKey).
     */
    private static final String SHARED_SEQUENCE = "For one action both channels page the same PagerDuty alert, so "
            + "their messages to it share one ordered sequence: a message through either channel waits until the "
            + "earlier ones through both were sent, and the approval's resolve, through either, closes the alert "
            + "for both.";

    private List<String> warnings(Channel channel, List<Channel> organizationChannels) {
        ChannelType type = types.get(channel.type());
        List<String> warnings = new ArrayList<>(type.warnings(channel.settings(), channel.subscribedTypes()));
        if (channel.events() != null && channel.events().isEmpty()) {
            warnings.add("events is an empty list: this channel is subscribed to nothing and will never send. "
                    + "Omit events to receive every type.");
        }
        if (!channel.enabled()) {
            return warnings;
        }
        Map<EventType, String> mine = type.destinations(channel.settings(), channel.subscribedTypes());
        for (Channel other : organizationChannels) {
            if (other.id().equals(channel.id()) || !other.enabled() || !other.type().equals(channel.type())) {
                continue;
            }
            Map<EventType, String> theirs = type.destinations(other.settings(), other.subscribedTypes());
            List<String> shared = mine.entrySet().stream()
                    .filter(e -> Objects.equals(theirs.get(e.getKey()), e.getValue()))
                    .map(e -> e.getKey().wireName()).toList();
            if (!shared.isEmpty()) {
                warnings.add("Channel \"" + other.name() + "\" (" + other.id() + ") also sends " + String.join(", ", shared)
                        + " to the same routing key, so each such event is sent twice (the page's \"Duplicate Alerts\"). "
                        + "PagerDuty folds the copies into one incident, but they spend the key's rate limit twice; "
                        + "narrow one channel's events or disable it. " + SHARED_SEQUENCE);
            } else if (mine.values().stream().anyMatch(theirs::containsValue)) {
                warnings.add("Channel \"" + other.name() + "\" (" + other.id() + ") pages the same routing key for other "
                        + "events. " + SHARED_SEQUENCE);
            }
        }
        return warnings;
    }

    private static void diff(String path, JsonNode before, JsonNode after, ObjectNode changes, int depth) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (depth > 0 && before != null && after != null && before.isObject() && after.isObject()) {
            List<String> names = new ArrayList<>(before.propertyNames());
            after.propertyNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes, depth - 1);
            }
            return;
        }
        ObjectNode change = changes.putObject(path);
        change.set("before", before == null ? NODES.nullNode() : before);
        change.set("after", after == null ? NODES.nullNode() : after);
    }
}
