package app.ascend.notify.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Injected faults, checked before validation on every event request. Precedence: outage, then fail-next, then the
 * random failure rate. An injected failure does not ingest the event and does not count against the rate limit.
 * Thread-safe.
 */
final class FaultPlan {

    /** The latency the simulator was started with; {@link #clear()} returns to it. */
    private final long startingLatencyMillis;
    private long latencyMillis;
    private int failNextCount;
    private int failNextStatus = FaultSettings.NONE.failNextStatus();
    private double failureRate;
    private int failureRateStatus = FaultSettings.NONE.failureRateStatus();
    private Random random = new Random();
    private boolean outage;
    private int stallBodyNextCount;
    /** Moves on each {@link #clear()}, which lets every stalled answer go. */
    private long stallGeneration;
    /** Routing keys whose every event is refused with 400 and these errors (an invalid event, as PagerDuty would). */
    private final Map<String, List<String>> rejectedKeys = new HashMap<>();

    FaultPlan(long startingLatencyMillis) {
        requireLatency(startingLatencyMillis);
        this.startingLatencyMillis = startingLatencyMillis;
        this.latencyMillis = startingLatencyMillis;
    }

    /** The failure to answer with instead of handling the request, if any; consumes one fail-next or one draw. */
    synchronized Optional<EventResponse> nextFailure() {
        if (outage) {
            return Optional.of(EventResponse.outage());
        }
        if (failNextCount > 0) {
            failNextCount--;
            return Optional.of(EventResponse.injected(failNextStatus));
        }
        if (failureRate > 0 && random.nextDouble() < failureRate) {
            return Optional.of(EventResponse.injected(failureRateStatus));
        }
        return Optional.empty();
    }

    /** Whether this request's answer stalls after its headers; consumes one stall-next. */
    synchronized boolean nextStall() {
        if (stallBodyNextCount > 0) {
            stallBodyNextCount--;
            return true;
        }
        return false;
    }

    synchronized void stallBodyNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Count must be >= 0, was " + count);
        }
        stallBodyNextCount = count;
    }

    /** Holds a stalled answer until the faults are cleared, the thread is interrupted (close) or {@code max} passes. */
    synchronized void holdStalled(long maxMillis) throws InterruptedException {
        long generation = stallGeneration;
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (generation == stallGeneration) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /**
     * The 400 to answer for an event to {@code routingKey}, if that key is set to be refused. Checked after
     * the faults above, for one routing key only, so a test can refuse its own key on a shared simulator.
     */
    synchronized Optional<EventResponse> rejection(String routingKey) {
        List<String> errors = routingKey == null ? null : rejectedKeys.get(routingKey);
        return errors == null ? Optional.empty() : Optional.of(EventResponse.invalid(errors));
    }

    /** Every later event to {@code routingKey} answers 400 with {@code errors}; an empty list stops it. */
    synchronized void reject(String routingKey, List<String> errors) {
        if (routingKey == null || routingKey.isEmpty()) {
            throw new IllegalArgumentException("A routing key is required");
        }
        if (errors.isEmpty()) {
            rejectedKeys.remove(routingKey);
        } else {
            rejectedKeys.put(routingKey, List.copyOf(errors));
        }
    }

    synchronized long latencyMillis() {
        return latencyMillis;
    }

    synchronized void setLatencyMillis(long millis) {
        requireLatency(millis);
        latencyMillis = millis;
    }

    synchronized void failNext(int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("Count must be >= 0, was " + count);
        }
        failNextCount = count;
        failNextStatus = requireFailureStatus(status);
    }

    /** A rate of 0 turns random failures off. A fixed seed makes the sequence of failures repeatable. */
    synchronized void failRandomly(double rate, int status, Random source) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("Failure rate must be within 0..1, was " + rate);
        }
        failureRate = rate;
        failureRateStatus = requireFailureStatus(status);
        random = source;
    }

    synchronized void setOutage(boolean on) {
        outage = on;
    }

    synchronized FaultSettings settings() {
        return new FaultSettings(latencyMillis, failNextCount, failNextStatus, failureRate, failureRateStatus, outage,
                stallBodyNextCount);
    }

    /** Turns every fault off and restores the starting latency. */
    synchronized void clear() {
        latencyMillis = startingLatencyMillis;
        failNextCount = 0;
        failNextStatus = FaultSettings.NONE.failNextStatus();
        failureRate = 0;
        failureRateStatus = FaultSettings.NONE.failureRateStatus();
        random = new Random();
        outage = false;
        stallBodyNextCount = 0;
        stallGeneration++;
        notifyAll();
        rejectedKeys.clear();
    }

    private static void requireLatency(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("Latency must be >= 0 ms, was " + millis);
        }
    }

    private static int requireFailureStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Injected status must be 4xx or 5xx, was " + status);
        }
        return status;
    }
}
