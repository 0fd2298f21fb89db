package app.ascend.notify.channel;

import java.time.Instant;
import java.util.List;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;

/**
 * A notification channel as stored, with its secrets in clear (only inside the service; sealed at rest,
 * masked in every answer). {@code events} null means every type. {@code settings} are the fields its
 * channel type owns, parsed once when the channel was loaded. {@code disabledReason}: why the service
 * disabled the channel itself (e.g. the receiver answered 410 Gone), null otherwise.
 */
public record Channel(String id, String organizationId, String name, String type, boolean enabled,
        List<EventType> events, ChannelFilters filters, ChannelSettings settings, Instant createdAt, Instant updatedAt,
        String disabledReason) {

    public boolean subscribesTo(EventType type) {
        return events == null || events.contains(type);
    }

    /** The types this channel wants: its list, or all. */
    public List<EventType> subscribedTypes() {
        return events == null ? List.of(EventType.values()) : events;
    }

    /** What a channel type may read of this channel when rendering a message. */
    public ChannelRef ref() {
        return new ChannelRef(id, name, organizationId, settings);
    }
}
