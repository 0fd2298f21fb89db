package app.ascend.notify.simulator;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request received on a PagerDuty path (everything outside {@code /_sim/}), as answered.
 *
 * @param sequence              1-based arrival order
 * @param receivedAtEpochNanos  wall-clock epoch nanoseconds when the handler started, from a monotonic clock
 *                              anchored to the wall clock once (see {@link MonotonicWallClock})
 * @param answeredAtEpochNanos  same clock, just before the response was sent (after any injected latency)
 * @param rawBody               the body as received, decoded as UTF-8
 * @param json                  the parsed body, or {@code null} when it was not JSON
 * @param responseBody          the exact JSON body answered
 * @param routingKey            the event's routing_key when it had a string one, else {@code null}
 * @param dedupKey              the effective dedup key of an accepted or throttled alert event (a generated UUID
 *                              for a trigger without one), the sent one otherwise, or {@code null}
 */
public record RecordedRequest(
        long sequence,
        String method,
        String path,
        long receivedAtEpochNanos,
        long answeredAtEpochNanos,
        String rawBody,
        JsonNode json,
        int status,
        String responseBody,
        EventOutcome outcome,
        String routingKey,
        String dedupKey) {

    /** True when answered 202. */
    public boolean accepted() {
        return status == 202;
    }

    /** Time spent in the simulator, injected latency included. */
    public Duration handlingTime() {
        return Duration.ofNanos(answeredAtEpochNanos - receivedAtEpochNanos);
    }
}
