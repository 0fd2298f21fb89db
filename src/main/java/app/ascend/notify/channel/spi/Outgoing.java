package app.ascend.notify.channel.spi;

import tools.jackson.databind.JsonNode;

/**
 * One message about to be sent: the stored delivery, its attempt number (1 = first), and the channel's
 * current settings when the type asked for them ({@link DeliveryRules#sendsWithSettings()}; null when
 * not asked for or when the channel was deleted). {@code deliveryId} is stable across retries: an
 * idempotency key for receivers.
 *
 * <p>{@code originalRef}: for a follow-up (not a trigger or test) of a type whose
 * {@link DeliveryRules#followUpsNeedOriginal()}, the {@link SendResult#remoteRef()} kept with the latest
 * delivered trigger of the same channel and sequence (destination and dedup key), or null when there is
 * none (the trigger was refused, or kept nothing). Deliveries of one sequence are sent in order, so the
 * trigger has been answered when its follow-up goes.
 */
public record Outgoing(String deliveryId, String organizationId, String channelId, MessageKind kind,
        String destination, JsonNode payload, int attempt, ChannelSettings settings, String originalRef) {

    /** A message with no original to refer to. */
    public Outgoing(String deliveryId, String organizationId, String channelId, MessageKind kind, String destination,
            JsonNode payload, int attempt, ChannelSettings settings) {
        this(deliveryId, organizationId, channelId, kind, destination, payload, attempt, settings, null);
    }
}
