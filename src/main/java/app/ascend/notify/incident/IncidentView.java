package app.ascend.notify.incident;

import java.time.Instant;

/** An incident as {@code GET /api/incidents} lists it: the routing key masked, never the key itself. */
public record IncidentView(String id, String dedupKey, String channelId, String routingKey, String status,
        Instant openedAt, Instant lastEventAt, Instant resolvedAt, String actionId, boolean stale) {

    /** {@code staleBefore} null: stale detection is off. */
    static IncidentView of(Incident incident, Instant staleBefore) {
        boolean stale = staleBefore != null && incident.status() != IncidentStatus.RESOLVED
                && incident.lastEventAt().isBefore(staleBefore);
        return new IncidentView(incident.id(), incident.dedupKey(), incident.channelId(), incident.destinationMasked(),
                incident.status().wireName(), incident.openedAt(), incident.lastEventAt(), incident.resolvedAt(),
                incident.actionId(), stale);
    }
}
