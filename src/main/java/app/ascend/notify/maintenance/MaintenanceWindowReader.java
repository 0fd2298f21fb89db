package app.ascend.notify.maintenance;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.EventTypeList;
import app.ascend.notify.time.Rfc3339;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole window document (a POST body, or a PATCH merged onto the stored window) into a
 * {@link Draft}, reporting every bad field with its path in one 400.
 */
@Component
class MaintenanceWindowReader {
    /** Fields a client may send back as it read them; they are ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "active", "active_until", "created_at", "updated_at");
    private static final List<String> FIELDS = List.of("name", "starts_at", "ends_at", "channel_ids", "events", "reason",
            "notify_after", "recurrence");
    private static final int MAX_CHANNEL_IDS = 1000;

    /** The parts of a window a client controls, validated. */
    record Draft(String name, Instant startsAt, Instant endsAt, List<String> channelIds, List<EventType> events,
            String reason, boolean notifyAfter, WeeklyRecurrence recurrence) {
    }

    /**
     * @param organizationChannels ids of the caller's organization's channels; any other id is unknown
     * @param stored               the window being changed (its channel ids stay valid even if since deleted), or null
     * @param now                  what an omitted {@code starts_at} of a new window means
     */
    Draft read(JsonNode document, Set<String> organizationChannels, MaintenanceWindow stored, Instant now) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> maybe = JsonFields.object(document, "", errors);
        if (maybe.isEmpty()) {
            errors.throwIfAny();
        }
        JsonFields doc = maybe.get();
        List<String> known = new ArrayList<>(FIELDS);
        known.addAll(READ_ONLY);
        doc.rejectUnknown(known);
        String name = doc.string("name", true, 200).map(String::trim).orElse(null);
        Instant startsAt = instant(doc, "starts_at", stored != null).orElse(stored == null ? now : null);
        Instant endsAt = instant(doc, "ends_at", false).orElse(null);
        List<String> channelIds = channelIds(doc, organizationChannels, stored);
        List<EventType> events = events(doc);
        String reason = doc.string("reason", false, 4000).filter(r -> !r.isBlank()).orElse(null);
        boolean notifyAfter = doc.bool("notify_after").orElse(false);
        WeeklyRecurrence recurrence = doc.hasValue("recurrence") ? RecurrenceReader.read(doc.get("recurrence"), errors) : null;
        if (endsAt == null && !doc.hasValue("ends_at") && !doc.hasValue("recurrence")) {
            errors.add("ends_at", "is required; only a recurring window may go without an end");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add("ends_at", "must be after starts_at (" + startsAt + ")");
        }
        errors.throwIfAny();
        return new Draft(name, startsAt, endsAt, channelIds, events, reason, notifyAfter, recurrence);
    }

    /** RFC 3339 with offset, kept to the millisecond (what every answer shows). */
    private static Optional<Instant> instant(JsonFields doc, String field, boolean required) {
        return doc.string(field, required, 64).flatMap(text -> {
            try {
                return Optional.of(Rfc3339.parse(text).truncatedTo(ChronoUnit.MILLIS));
            } catch (DateTimeParseException e) {
                doc.errors().add(field, "must be an RFC 3339 date-time with offset, e.g. 2026-11-27T22:00:00Z");
                return Optional.empty();
            }
        });
    }

    private static List<String> channelIds(JsonFields doc, Set<String> organizationChannels, MaintenanceWindow stored) {
        if (!doc.hasValue("channel_ids")) {
            return null;
        }
        JsonNode node = doc.get("channel_ids");
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_CHANNEL_IDS) {
            doc.errors().add("channel_ids", "must be a list of 1 to " + MAX_CHANNEL_IDS
                    + " channel ids; omit it to cover every channel of the organization");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String id = item.isString() ? item.stringValue() : null;
            boolean keptFromStored = stored != null && stored.channelIds() != null && stored.channelIds().contains(id);
            if (id == null || !(organizationChannels.contains(id) || keptFromStored)) {
                doc.errors().add("channel_ids[" + i + "]", "is not a channel of this organization");
            } else if (!ids.add(id)) {
                doc.errors().add("channel_ids[" + i + "]", "lists " + id + " twice");
            }
        }
        return List.copyOf(ids);
    }

    /** Trigger types only: resolves and acknowledges are never suppressed, so listing one would mislead. */
    private static List<EventType> events(JsonFields doc) {
        if (!doc.hasValue("events")) {
            return null;
        }
        JsonNode node = doc.get("events");
        if (!node.isArray() || node.isEmpty()) {
            doc.errors().add("events", "must be a list of 1 or more event types; omit it to cover every type");
            return null;
        }
        int before = doc.errors().list().size();
        List<EventType> types = EventTypeList.read(node, "events", doc.errors());
        if (doc.errors().list().size() == before) {
            for (int i = 0; i < node.size(); i++) {
                EventType type = EventType.fromWireName(node.get(i).stringValue()).orElseThrow();
                if (type.action() == EventType.Action.NOTICE) {
                    doc.errors().add("events[" + i + "]", type + " is never suppressed (a notice is news about an "
                            + "incident, like a follow-up); list only types that open incidents");
                    continue;
                }
                if (type.action() == EventType.Action.CHANGE) {
                    doc.errors().add("events[" + i + "]", type + " is never suppressed (a change pages nobody, and what "
                            + "changed during planned work is what responders look for afterwards); list only types "
                            + "that open incidents");
                    continue;
                }
                if (type.action() != EventType.Action.TRIGGER) {
                    doc.errors().add("events[" + i + "]", type + " is never suppressed (an incident opened before the "
                            + "window must still close); list only types that open incidents");
                }
            }
        }
        return types;
    }
}
