package app.ascend.notify.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.ascend.notify.web.FieldErrors;
import tools.jackson.databind.JsonNode;

/** Reads a JSON list of event type names (a channel's {@code events}, a routing rule's), each known and listed once. */
public final class EventTypeList {
    private EventTypeList() {
    }

    public static List<EventType> read(JsonNode array, String path, FieldErrors errors) {
        Set<EventType> types = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            Optional<EventType> type = item.isString() ? EventType.fromWireName(item.stringValue()) : Optional.empty();
            if (type.isEmpty()) {
                errors.add(path + "[" + i + "]", "unknown event type; known types: " + String.join(", ", EventType.wireNames()));
            } else if (!types.add(type.get())) {
                errors.add(path + "[" + i + "]", "lists " + type.get() + " twice");
            }
        }
        return List.copyOf(types);
    }
}
