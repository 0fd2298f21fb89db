package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.ascend.notify.event.EventType;

/**
 * A maintenance window as stored. Without a recurrence it mutes from {@code startsAt} to
 * {@code endsAt}; with one, {@code startsAt}..{@code endsAt} is the period in which the weekly
 * recurrence applies ({@code endsAt} null: no end), and the window mutes only during occurrences,
 * cut short by the period's end. {@code channelIds} null means every channel of the organization,
 * {@code events} null every trigger type.
 */
record MaintenanceWindow(String id, String organizationId, String name, Instant startsAt, Instant endsAt,
        List<String> channelIds, List<EventType> events, String reason, boolean notifyAfter,
        WeeklyRecurrence recurrence, Instant createdAt, Instant updatedAt) {

    /** Until when the window mutes, seen at {@code at}: the end of the current occurrence; empty when it does not mute. */
    Optional<Instant> activeUntil(Instant at) {
        if (at.isBefore(startsAt) || hasEnded(at)) {
            return Optional.empty();
        }
        if (recurrence == null) {
            return Optional.of(endsAt);
        }
        return recurrence.occurrenceAt(at).map(o -> endsAt != null && endsAt.isBefore(o.end()) ? endsAt : o.end());
    }

    boolean activeAt(Instant at) {
        return activeUntil(at).isPresent();
    }

    /** Past its period: it will never mute again (unless edited). */
    boolean hasEnded(Instant at) {
        return endsAt != null && !at.isBefore(endsAt);
    }

    /** Whether the window is about this channel and event type at all, whatever the time. */
    boolean covers(String channelId, EventType type) {
        return (channelIds == null || channelIds.contains(channelId)) && (events == null || events.contains(type));
    }
}
