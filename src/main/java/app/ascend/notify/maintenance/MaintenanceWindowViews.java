package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import app.ascend.notify.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of a window: the answer, the document a PATCH merges onto, and audit changes. */
final class MaintenanceWindowViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MaintenanceWindowViews() {
    }

    /** The window as every answer shows it; {@code active} and {@code active_until} as seen at {@code now}. */
    static ObjectNode view(MaintenanceWindow w, Instant now) {
        ObjectNode view = NODES.objectNode();
        view.put("id", w.id());
        view.setAll(document(w));
        view.put("active", w.activeAt(now));
        view.put("active_until", w.activeUntil(now).map(Instant::toString).orElse(null));
        view.put("created_at", w.createdAt().toString());
        view.put("updated_at", w.updatedAt().toString());
        return view;
    }

    /** The fields a client controls, in request shape: what a PATCH is merged onto, and what the audit trail keeps. */
    static ObjectNode document(MaintenanceWindow w) {
        ObjectNode doc = NODES.objectNode();
        doc.put("name", w.name());
        doc.put("starts_at", w.startsAt().toString());
        doc.put("ends_at", w.endsAt() == null ? null : w.endsAt().toString());
        if (w.channelIds() == null) {
            doc.putNull("channel_ids");
        } else {
            ArrayNode ids = doc.putArray("channel_ids");
            w.channelIds().forEach(ids::add);
        }
        if (w.events() == null) {
            doc.putNull("events");
        } else {
            ArrayNode events = doc.putArray("events");
            w.events().stream().map(EventType::wireName).forEach(events::add);
        }
        doc.put("reason", w.reason());
        doc.put("notify_after", w.notifyAfter());
        doc.set("recurrence", recurrence(w.recurrence()));
        return doc;
    }

    /** The fields that changed, each as {@code {"before", "after"}}. */
    static ObjectNode changes(MaintenanceWindow before, MaintenanceWindow after) {
        ObjectNode a = document(before);
        ObjectNode b = document(after);
        ObjectNode changes = NODES.objectNode();
        List<String> names = new ArrayList<>(a.propertyNames());
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                ObjectNode change = changes.putObject(name);
                change.set("before", a.get(name));
                change.set("after", b.get(name));
            }
        }
        return changes;
    }

    /** JSON Merge Patch (RFC 7386): objects merge recursively, {@code null} removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /** {@code {"weekdays", "start_time", "end_time", "time_zone"}}, weekdays Monday first; JSON null for none. */
    static JsonNode recurrence(WeeklyRecurrence r) {
        if (r == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        ArrayNode days = node.putArray("weekdays");
        r.weekdays().forEach(day -> days.add(day.name().toLowerCase(Locale.ROOT)));
        node.put("start_time", r.startTime().toString());
        node.put("end_time", r.endTime().toString());
        node.put("time_zone", r.timeZone().getId());
        return node;
    }
}
