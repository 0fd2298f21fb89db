package app.ascend.notify.simulator;

import java.time.Instant;

/**
 * Epoch nanoseconds that never go backwards: the wall clock is read once, then advanced by
 * {@link System#nanoTime()}. Good for latencies measured against the sender's wall clock.
 */
final class MonotonicWallClock {

    private final long originEpochNanos;
    private final long originNanoTime;

    MonotonicWallClock() {
        Instant now = Instant.now();
        this.originNanoTime = System.nanoTime();
        this.originEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long nowEpochNanos() {
        return originEpochNanos + (System.nanoTime() - originNanoTime);
    }
}
