package app.ascend.notify.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A trigger recorded as {@code failed} (the destination refused it) or {@code dead} (retried until its
 * maximum age): it opened nothing at the destination. Published in the recording transaction, so the
 * incident it was meant to open is closed with it (see {@code incident.NotOpenedIncidents}).
 * {@code destination} is the secret destination in clear: never log this record whole.
 *
 * @param retryFrom  when its retries started (its creation, or a retry by hand)
 * @param errors     the destination's list of what was wrong with it (a refusal), possibly empty
 */
public record TriggerNotDelivered(String deliveryId, String organizationId, String channelId, String channelType,
        String destination, DeliveryStatus status, Integer httpStatus, String message, List<String> errors,
        Instant retryFrom, Instant at) {

    @Override
    public String toString() {
        return "TriggerNotDelivered[" + deliveryId + " " + status.wireName() + " HTTP " + httpStatus + "]";
    }
}
