package app.ascend.notify.channel.spi;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one send. {@code outcome} drives the pipeline: DELIVERED is final, REJECTED is
 * final and not retried (the request itself is wrong), RETRY is retried with backoff, RATE_LIMITED is
 * retried no sooner than {@code retryAfter} (or the pipeline's minimum), GONE is final and disables the
 * channel (the receiver said it wants no more messages, e.g. a webhook's 410).
 */
public record SendResult(Outcome outcome, Integer httpStatus, String message, List<String> errors,
        Duration retryAfter, long latencyMillis, String responseBody) {

    public enum Outcome { DELIVERED, REJECTED, RETRY, RATE_LIMITED, GONE }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** A failure before any answer (timeout, refused connection, refused address): no status, no body. */
    public static SendResult noAnswer(Outcome outcome, String message, long latencyMillis) {
        return new SendResult(outcome, null, message, List.of(), null, latencyMillis, null);
    }
}
