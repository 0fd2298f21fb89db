package app.ascend.notify.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-routing-key rate limit over a sliding 60-second window looking back from now: about 120 events per minute
 * per integration key, and a 429 means the event is not ingested (FACTS.md §5, [D5]). Only accepted events count.
 * A limit of 0 means unlimited. Also remembers, per key, the most accepted events seen in any 60-second window.
 * Thread-safe.
 */
final class RateWindow {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final int DEFAULT_LIMIT = 120;
    private static final long WINDOW_NANOS = WINDOW.toNanos();

    private final Clock clock;
    private final int configuredLimit;
    private int defaultLimit;
    private final Map<String, Integer> limitByKey = new HashMap<>();
    private final Map<String, Deque<Long>> acceptedAtByKey = new HashMap<>();
    private final Map<String, Integer> maxInWindowByKey = new HashMap<>();

    RateWindow(Clock clock, int limit) {
        requireLimit(limit);
        this.clock = clock;
        this.configuredLimit = limit;
        this.defaultLimit = limit;
    }

    /**
     * Counts one event for the key if it is under its limit; returns false, counting nothing, when the key already
     * has {@code limit} accepted events in the window (t - 60 s, t].
     */
    synchronized boolean tryAcquire(String routingKey) {
        long now = epochNanos(clock.instant());
        Deque<Long> acceptedAt = acceptedAtByKey.computeIfAbsent(routingKey, k -> new ArrayDeque<>());
        while (!acceptedAt.isEmpty() && acceptedAt.peekFirst() <= now - WINDOW_NANOS) {
            acceptedAt.pollFirst();
        }
        int limit = limitFor(routingKey);
        if (limit > 0 && acceptedAt.size() >= limit) {
            return false;
        }
        acceptedAt.addLast(now);
        maxInWindowByKey.merge(routingKey, acceptedAt.size(), Math::max);
        return true;
    }

    synchronized int limitFor(String routingKey) {
        return limitByKey.getOrDefault(routingKey, defaultLimit);
    }

    synchronized int defaultLimit() {
        return defaultLimit;
    }

    synchronized void setDefaultLimit(int limit) {
        requireLimit(limit);
        defaultLimit = limit;
    }

    synchronized void setLimit(String routingKey, int limit) {
        requireLimit(limit);
        limitByKey.put(routingKey, limit);
    }

    synchronized Map<String, Integer> limitsByKey() {
        return new TreeMap<>(limitByKey);
    }

    /** Per key, the most accepted events seen in any 60-second window so far. */
    synchronized Map<String, Integer> maxInWindowByKey() {
        return new TreeMap<>(maxInWindowByKey);
    }

    /** Forgets all counts and per-key limits, and restores the limit the simulator was started with. */
    synchronized void reset() {
        acceptedAtByKey.clear();
        maxInWindowByKey.clear();
        limitByKey.clear();
        defaultLimit = configuredLimit;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Rate limit must be >= 0 (0 = unlimited), was " + limit);
        }
    }
}
