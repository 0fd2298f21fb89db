package app.ascend.notify.incident;

import java.time.Instant;

/**
 * An incident as {@code GET /api/incidents} lists it: its destination masked, never the secret itself;
 * {@code routingKey} repeats it when the destination is a routing key (the field clients read before
 * there were other channel types).
 * {@code reason}: why a {@code not_opened} incident is not open (its trigger was refused or died); null
 * for the others. {@code resolvedAt}: when it was closed, resolved or found not opened. {@code remote}: the
 * incident as its destination last said it is through an inbound webhook (status there, who, when), or null.
 */
public record IncidentView(String id, String dedupKey, String channelId, String channelType, String destination,
        String routingKey, String status,
        Instant openedAt, Instant lastEventAt, Instant resolvedAt, String actionId, boolean stale, String reason,
        RemoteState remote) {

    /** {@code staleBefore} null: stale detection is off; {@code repeatAsRoutingKey}: the type's destination is a routing key. */
    static IncidentView of(Incident incident, Instant staleBefore, boolean repeatAsRoutingKey) {
        boolean stale = staleBefore != null && incident.status().isOpen() && incident.lastEventAt().isBefore(staleBefore);
        return new IncidentView(incident.id(), incident.dedupKey(), incident.channelId(), incident.channelType(),
                incident.destinationMasked(), repeatAsRoutingKey ? incident.destinationMasked() : null,
                incident.status().wireName(), incident.openedAt(), incident.lastEventAt(), incident.resolvedAt(),
                incident.actionId(), stale, incident.reason(), incident.remote());
    }
}
