package app.ascend.notify.routing;

import java.util.List;

/**
 * What one channel did with one event, and why in words with the numbers: the answer to "why was I
 * (not) paged?". {@code routingKey} is masked; {@code deliveryIds} are the deliveries it queued or
 * merged into.
 */
public record Decision(String channelId, String channelName, String outcome, String reason, String routingKey,
        List<String> deliveryIds) {

    public static Decision of(String channelId, String channelName, RoutingOutcome outcome, String reason) {
        return new Decision(channelId, channelName, outcome.wireName(), reason, null, List.of());
    }
}
