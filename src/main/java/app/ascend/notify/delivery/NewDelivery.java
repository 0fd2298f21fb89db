package app.ascend.notify.delivery;

import java.time.Instant;

import app.ascend.notify.channel.spi.MessageKind;
import tools.jackson.databind.JsonNode;

/**
 * A delivery to put in the outbox, in the transaction of the event that causes it. {@code mergedCount}:
 * how many later triggers of its batch it already carries (see {@code TriggerBatch}).
 */
public record NewDelivery(String id, String organizationId, String eventId, String channelId, String channelType,
        MessageKind kind, String sequenceKey, String dedupKey, String destination, String destinationMasked, int priority,
        JsonNode payload, Instant createdAt, int mergedCount) {

    public NewDelivery(String id, String organizationId, String eventId, String channelId, String channelType,
            MessageKind kind, String sequenceKey, String dedupKey, String destination, String destinationMasked,
            int priority, JsonNode payload, Instant createdAt) {
        this(id, organizationId, eventId, channelId, channelType, kind, sequenceKey, dedupKey, destination,
                destinationMasked, priority, payload, createdAt, 0);
    }
}
