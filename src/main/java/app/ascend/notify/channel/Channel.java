package app.ascend.notify.channel;

import java.time.Instant;
import java.util.List;

import app.ascend.notify.event.EventType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notification channel as stored, with its keys in clear (only inside the service; sealed at rest,
 * masked in every answer). {@code events} null means every type. {@code settings} are the fields its
 * {@link ChannelType} owns (such as config, severity_mapping, routing_rules).
 */
public record Channel(String id, String organizationId, String name, String type, boolean enabled,
        List<EventType> events, ChannelFilters filters, ObjectNode settings, Instant createdAt, Instant updatedAt) {

    public boolean subscribesTo(EventType type) {
        return events == null || events.contains(type);
    }

    /** The types this channel wants: its list, or all. */
    public List<EventType> subscribedTypes() {
        return events == null ? List.of(EventType.values()) : events;
    }
}
