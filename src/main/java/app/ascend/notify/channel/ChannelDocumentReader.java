package app.ascend.notify.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.EventTypeList;
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a whole channel document (a POST or PUT body, or a PATCH merged onto the stored channel) into
 * a {@link Channel}: the common fields here, the type's fields by its {@link ChannelType}. Every bad
 * field is reported, with its path, in one 400.
 */
@Component
class ChannelDocumentReader {
    /** Fields a client may send back as it read them; they are ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "warnings", "disabled_reason",
            "webhook_url", "webhook_setup", "reconciliation");
    private static final List<String> COMMON = List.of("name", "type", "enabled", "events", "filters");
    private final ChannelTypes types;

    ChannelDocumentReader(ChannelTypes types) {
        this.types = types;
    }

    /** The parts of a channel a client controls, validated. */
    record Draft(String name, String type, boolean enabled, List<EventType> events, ChannelFilters filters,
            ChannelSettings settings) {
    }

    Draft read(JsonNode document, Channel stored) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> maybe = JsonFields.object(document, "", errors);
        if (maybe.isEmpty()) {
            errors.throwIfAny();
        }
        JsonFields doc = maybe.get();
        String name = doc.string("name", true, 200).map(String::trim).orElse(null);
        String typeName = doc.string("type", true, 40).orElse(null);
        Optional<ChannelType> type = Optional.empty();
        if (typeName != null) {
            type = types.find(typeName);
            if (type.isEmpty()) {
                errors.add("type", "unknown channel type; known types: " + String.join(", ", types.names()));
            } else if (stored != null && !stored.type().equals(typeName)) {
                errors.add("type", "cannot be changed (it is " + stored.type() + "); create a new channel instead");
            }
        }
        boolean enabled = doc.bool("enabled").orElse(true);
        List<EventType> events = events(doc);
        ChannelFilters filters = filters(doc);

        List<String> known = new ArrayList<>(COMMON);
        known.addAll(READ_ONLY);
        ChannelSettings settings = null;
        if (type.isPresent()) {
            known.addAll(type.get().ownedFields());
            refusedEvents(type.get(), events, doc);
            if (stored == null || stored.type().equals(type.get().name())) {
                settings = type.get().readSettings(doc, stored == null ? null : stored.settings(), events);
            } // else "type cannot be changed" is the answer: the stored settings are another type's (a 500 in the fuzz run)
        }
        doc.rejectUnknown(known);
        errors.throwIfAny();
        return new Draft(name, typeName, enabled, events, filters, settings);
    }

    private static List<EventType> events(JsonFields doc) {
        if (!doc.hasValue("events")) {
            return null;
        }
        JsonNode node = doc.get("events");
        if (!node.isArray()) {
            doc.errors().add("events", "must be a list of event types; known types: " + String.join(", ", EventType.wireNames()));
            return null;
        }
        return EventTypeList.read(node, "events", doc.errors());
    }

    /** Each listed event type the channel type never receives, named by its place in the list. */
    private static void refusedEvents(ChannelType type, List<EventType> events, JsonFields doc) {
        if (events == null || !doc.get("events").isArray()) {
            return;
        }
        JsonNode listed = doc.get("events");
        for (int i = 0; i < listed.size(); i++) {
            JsonNode item = listed.get(i);
            Optional<EventType> known = item.isString() ? EventType.fromWireName(item.stringValue()) : Optional.empty();
            int at = i;
            known.flatMap(type::refuses).ifPresent(reason -> doc.errors().add("events[" + at + "]", reason));
        }
    }

    /** {@code filters.risk_levels}: known level names, at least one, kept in the levels' order; null when absent. */
    private static List<String> riskLevels(JsonFields filters) {
        if (!filters.hasValue("risk_levels")) {
            return null;
        }
        String path = filters.path("risk_levels");
        JsonNode node = filters.get("risk_levels");
        String known = String.join(", ", RiskLevel.wireNames());
        if (!node.isArray() || node.isEmpty()) {
            filters.errors().add(path, "must be a non-empty list of risk levels (" + known + "); leave it out to take "
                    + "every level");
            return null;
        }
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode level = node.get(i);
            if (!level.isString() || RiskLevel.fromWireName(level.stringValue()).isEmpty()) {
                filters.errors().add(path + "[" + i + "]", "is not a risk level; known levels (GET /api/risk-levels): "
                        + known);
                return null;
            }
            chosen.add(level.stringValue());
        }
        return RiskLevel.wireNames().stream().filter(chosen::contains).toList();
    }

    private static ChannelFilters filters(JsonFields doc) {
        if (!doc.hasValue("filters")) {
            return ChannelFilters.NONE;
        }
        return JsonFields.object(doc.get("filters"), "filters", doc.errors()).map(filters -> {
            filters.rejectUnknown(List.of("min_risk_score", "max_risk_score", "risk_levels"));
            Integer min = filters.integer("min_risk_score", 0, 100).orElse(null);
            Integer max = filters.integer("max_risk_score", 0, 100).orElse(null);
            if (min != null && max != null && min > max) {
                // Both fields named: either may be the one to change, and no event could pass the pair.
                String both = "filters.min_risk_score " + min + " is above filters.max_risk_score " + max
                        + ": no event could pass; give min_risk_score <= max_risk_score (both inclusive)";
                doc.errors().add(filters.path("min_risk_score"), both);
                doc.errors().add(filters.path("max_risk_score"), both);
            }
            return new ChannelFilters(min, max, riskLevels(filters));
        }).orElse(ChannelFilters.NONE);
    }
}
