package app.ascend.notify.delivery.spi;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one send. {@code outcome} drives the pipeline: DELIVERED is final, REJECTED is
 * final and not retried (the request itself is wrong), RETRY is retried with backoff, RATE_LIMITED is
 * retried no sooner than {@code retryAfter} (or the pipeline's minimum).
 */
public record SendResult(Outcome outcome, Integer httpStatus, String message, List<String> errors,
        Duration retryAfter, long latencyMillis, String responseBody) {

    public enum Outcome { DELIVERED, REJECTED, RETRY, RATE_LIMITED }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
