package app.ascend.notify.incident;

import app.ascend.notify.channel.spi.RemoteChange;
import app.ascend.notify.event.EventType;

/**
 * Published, inside the transaction that applied it, when {@link RemoteIncidentUpdates} applied a change a
 * destination reported (not for an unmatched, out-of-order, not-understood or replayed delivery). Ingest turns it
 * into a notice event ({@link #noticeType()}) stored and routed in the same transaction, so other channels may
 * learn it; a listener's failure rolls the change back with it.
 *
 * @param channelId       the channel the change came through (never sent its own notice)
 * @param destinationName the channel type's display name ("acknowledged in <display name>")
 * @param incident        ASCEND's incident as it was before the change
 * @param remoteEventType the destination's own name for the change ({@code incident.reassigned})
 * @param remote          what ASCEND now records of the incident there
 * @param note            the change's note, cut for the trail; may be null
 * @param detail          what ASCEND did with it, in words
 */
public record RemoteIncidentChanged(String organizationId, String channelId, String destinationName, Incident incident,
        String remoteEventType, RemoteChange.Kind kind, RemoteState remote, String note, String detail) {

    /** The notice event type of this change. */
    public EventType noticeType() {
        return switch (kind) {
            case ACKNOWLEDGED -> EventType.INCIDENT_ACKNOWLEDGED;
            case UNACKNOWLEDGED -> EventType.INCIDENT_UNACKNOWLEDGED;
            case RESOLVED -> EventType.INCIDENT_RESOLVED;
            case REOPENED -> EventType.INCIDENT_REOPENED;
            case UPDATED -> EventType.INCIDENT_UPDATED;
            case NOT_UNDERSTOOD -> throw new IllegalStateException("a change not understood is never applied");
        };
    }
}
