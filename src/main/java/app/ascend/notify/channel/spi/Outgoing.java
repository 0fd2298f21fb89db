package app.ascend.notify.channel.spi;

import tools.jackson.databind.JsonNode;

/**
 * One message about to be sent: the stored delivery, its attempt number (1 = first), and the channel's
 * current settings when the type asked for them ({@link DeliveryRules#sendsWithSettings()}; null when
 * not asked for or when the channel was deleted). {@code deliveryId} is stable across retries: an
 * idempotency key for receivers.
 */
public record Outgoing(String deliveryId, String organizationId, String channelId, MessageKind kind,
        String destination, JsonNode payload, int attempt, ChannelSettings settings) {
}
