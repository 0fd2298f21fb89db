package app.ascend.notify.incident;

import java.time.Instant;

/**
 * An incident ASCEND Notify opened (or will open) at a destination: one per (channel, destination,
 * dedup key) while open, as a paging service keeps one alert per destination and dedup key.
 * {@code destination} is the channel type's secret destination, in clear. {@code reason} says why a
 * {@code not_opened} incident is not open, or that it was resolved at the destination (null otherwise).
 * {@code remote}: what the destination last said of it through an inbound webhook (null until then).
 */
public record Incident(String id, String organizationId, String channelId, String channelType, String sequenceKey,
        String dedupKey, String actionId, String destination, String destinationMasked, IncidentStatus status,
        Instant openedAt, Instant lastEventAt, Instant resolvedAt, String reason, RemoteState remote) {
}
