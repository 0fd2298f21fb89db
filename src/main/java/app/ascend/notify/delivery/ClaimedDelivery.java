package app.ascend.notify.delivery;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A delivery this instance holds under a lease and is about to send; {@code claimedUntil} is when the
 * lease ends (by the database's clock), after which another instance may take it over.
 */
public record ClaimedDelivery(String id, String organizationId, String eventId, String channelId, String channelType,
        String kind, String destination, String destinationMasked, JsonNode payload, int attempts, Instant createdAt,
        Instant retryFrom, Instant claimedUntil) {
}
