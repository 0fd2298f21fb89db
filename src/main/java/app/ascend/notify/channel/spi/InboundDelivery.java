package app.ascend.notify.channel.spi;

import java.time.Instant;

/**
 * One verified webhook delivery from a destination, as its channel type read it.
 *
 * @param deliveryId  the sender's id of this delivery, the same on each retry (replays are refused by it):
 *                    taken from what the signature covers, so a replay cannot pass as new by changing a header
 * @param eventType   the sender's name for what happened, kept as sent even when not understood
 * @param occurredAt  when it happened at the destination: orders changes to one incident
 * @param incidentKey the key ASCEND sent the incident under (its dedup key); null when the event is about
 *                    no incident ASCEND could have opened, or that does not repeat it
 * @param remoteIncidentId the destination's own id of the incident (null when none): what finds the
 *                    incident when the event does not repeat our key (a note added to it)
 * @param change      what it does to the incident; {@link RemoteChange.Kind#NOT_UNDERSTOOD} for a type the
 *                    channel type does not know
 */
public record InboundDelivery(String deliveryId, String eventType, Instant occurredAt, String incidentKey,
        String remoteIncidentId, RemoteChange change) {
}
