package app.ascend.notify.inbound;

import java.time.Instant;

/**
 * A verified inbound webhook as kept: the sender's delivery id, what it said, what became of it
 * ({@code outcome}: applied, unmatched, out_of_order or not_understood, with a sentence in {@code detail}),
 * and the raw body as received.
 */
public record ReceivedWebhook(String id, String channelId, String channelType, String deliveryId, String eventType,
        Instant occurredAt, Instant receivedAt, String incidentKey, String incidentId, String outcome, String detail,
        String body) {
}
