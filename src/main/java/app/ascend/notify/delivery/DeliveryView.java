package app.ascend.notify.delivery;

import java.time.Instant;
import java.util.List;

import app.ascend.notify.channel.spi.RemoteLink;
import tools.jackson.databind.JsonNode;

/**
 * A delivery as the log shows it: its destination masked, with every attempt and the destination's answer
 * to each. {@code routingKey} repeats {@code destination} when the destination is a routing key (the field
 * clients read before there were other channel types). {@code remote}: where the delivered message can be seen
 * at its destination (a ticket's number and page), when its channel type keeps such a link; null otherwise.
 */
public record DeliveryView(String id, String eventId, String channelId, String channelType, String kind, String status,
        String dedupKey, String destination, String routingKey, int attemptCount, int mergedCount, Instant createdAt, Instant nextAttemptAt,
        Instant finishedAt, Integer lastHttpStatus, String lastMessage, JsonNode payload, RemoteLink remote, List<Attempt> attempts) {

    /** One try: when, the destination's status and message/errors, how long it took. */
    public record Attempt(Instant at, Integer httpStatus, String outcome, String message, List<String> errors,
            long latencyMs) {
    }

    DeliveryView withAttempts(List<Attempt> log) {
        return new DeliveryView(id, eventId, channelId, channelType, kind, status, dedupKey, destination, routingKey, attemptCount,
                mergedCount, createdAt, nextAttemptAt, finishedAt, lastHttpStatus, lastMessage, payload, remote, log);
    }
}
