package app.ascend.notify.routing;

import java.util.List;

import app.ascend.notify.channel.spi.ChannelType;

/**
 * What one channel did with one event, and why in words with the numbers: the answer to "why was I
 * (not) paged?". {@code destination} is masked (a routing key's last four characters, a URL's host);
 * {@code routingKey} repeats it for a type whose destination is a routing key, the field clients read
 * before there were other channel types; {@code deliveryIds} are the deliveries it queued or merged into.
 */
public record Decision(String channelId, String channelName, String outcome, String reason, String destination,
        String routingKey, List<String> deliveryIds) {

    public static Decision of(String channelId, String channelName, RoutingOutcome outcome, String reason) {
        return new Decision(channelId, channelName, outcome.wireName(), reason, null, null, List.of());
    }

    /** A decision that names where the channel sends: {@code masked}, a destination of {@code type}. */
    public static Decision to(String channelId, String channelName, RoutingOutcome outcome, String reason, ChannelType type,
            String masked, List<String> deliveryIds) {
        return new Decision(channelId, channelName, outcome.wireName(), reason, masked,
                type.destinationIsRoutingKey() ? masked : null, deliveryIds);
    }
}
