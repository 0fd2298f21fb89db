package app.ascend.notify.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.ChannelType;
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
    private final String publicUrl;
    private final List<ChannelAnswerPart> parts;

    ChannelViews(ChannelTypes types, @Value("${ascend.public-url}") String publicUrl, List<ChannelAnswerPart> parts) {
        this.types = types;
        this.parts = List.copyOf(parts);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The channel as every answer shows it; {@code organizationChannels} feed the duplicate check. */
    ObjectNode view(Channel channel, List<Channel> organizationChannels) {
        return view(channel, organizationChannels, masked(channel));
    }

    /**
     * The channel as the answer that created it (or rotated its secret) shows it: with what the type
     * shows only once, such as a secret the service generated.
     */
    ObjectNode shownOnce(Channel channel, List<Channel> organizationChannels) {
        return view(channel, organizationChannels, ordered(channel, channel.settings().shownOnce()));
    }

    private ObjectNode view(Channel channel, List<Channel> organizationChannels, ObjectNode shown) {
        ObjectNode view = NODES.objectNode();
        view.put("id", channel.id());
        view.setAll(shown);
        if (channel.disabledReason() != null) {
            view.put("disabled_reason", channel.disabledReason());
        }
        types.get(channel.type()).inboundWebhooks().ifPresent(inbound -> {
            // Where the destination posts back about its incidents, and how to set that up there.
            String url = publicUrl + "/api/webhooks/" + channel.type() + "/" + channel.id();
            view.put("webhook_url", url);
            ArrayNode steps = view.putArray("webhook_setup");
            inbound.setupSteps(url).forEach(steps::add);
        });
        parts.forEach(part -> part.addTo(channel, view));
        view.put("created_at", channel.createdAt().toString());
        view.put("updated_at", channel.updatedAt().toString());
        ArrayNode warnings = view.putArray("warnings");
        warnings(channel, organizationChannels).forEach(warnings::add);
        return view;
    }

    /** The channel with keys in clear, in request shape: what a PATCH is merged onto. */
    ObjectNode document(Channel channel) {
        ObjectNode doc = common(channel);
        doc.setAll(channel.settings().toJson().deepCopy());
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
        if (changes.isEmpty() && !before.settings().toJson().equals(after.settings().toJson())) {
            changes.putObject("config").put("note", "a key was replaced");
        }
        return changes;
    }

    /** In the product page's order: name, type, enabled, config, events, severity_mapping, filters, ... */
    private ObjectNode masked(Channel channel) {
        return ordered(channel, channel.settings().masked());
    }

    private static ObjectNode ordered(Channel channel, ObjectNode typeOwnedView) {
        ObjectNode common = common(channel);
        ObjectNode typeOwned = typeOwnedView.deepCopy();
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
        if (channel.filters().maxRiskScore() != null) {
            filters.put("max_risk_score", channel.filters().maxRiskScore());
        }
        if (channel.filters().riskLevels() != null) {
            ArrayNode levels = filters.putArray("risk_levels");
            channel.filters().riskLevels().forEach(levels::add);
        }
        return doc;
    }

    private List<String> warnings(Channel channel, List<Channel> organizationChannels) {
        ChannelType type = types.get(channel.type());
        List<String> warnings = new ArrayList<>(channel.settings().warnings(channel.subscribedTypes()));
        if (channel.events() != null && channel.events().isEmpty()) {
            warnings.add("events is an empty list: this channel is subscribed to nothing and will never send. "
                    + "Omit events to receive every type.");
        }
        if (!channel.enabled()) {
            return warnings;
        }
        Map<EventType, String> mine = channel.settings().destinations(channel.subscribedTypes());
        for (Channel other : organizationChannels) {
            if (other.id().equals(channel.id()) || !other.enabled() || !other.type().equals(channel.type())) {
                continue;
            }
            Map<EventType, String> theirs = other.settings().destinations(other.subscribedTypes());
            List<String> shared = mine.entrySet().stream()
                    .filter(e -> Objects.equals(theirs.get(e.getKey()), e.getValue()))
                    .map(e -> e.getKey().wireName()).toList();
            String otherChannel = "Channel \"" + other.name() + "\" (" + other.id() + ")";
            if (!shared.isEmpty()) {
                warnings.add(type.duplicateWarning(otherChannel, shared));
            } else if (mine.values().stream().anyMatch(theirs::containsValue)) {
                warnings.add(type.sharedDestinationWarning(otherChannel));
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
