package app.ascend.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When to try a delivery again, as pure functions of the attempt number, like resilience4j's
 * {@code IntervalFunction}: no clock, no sleeping. The outbox stores the result as the row's
 * {@code next_attempt_at}.
 *
 * <p>The defaults follow the first channel type's vendor, whose facts sheet it cites (the channel
 * package names it): retry 429, 5xx and network errors, never 400 ([D1]); "retry on a 429 ...
 * preferably with a backoff of a few minutes" ([D1]), "3 times with each request being 30 seconds
 * apart" ([D5]) (FACTS.md §5). The Standard Webhooks spec asks the same of webhook senders.
 *
 * @param initialDelay        the base delay before the first retry (default 1 s)
 * @param multiplier          growth per retry (default 2: 1 s, 2 s, 4 s ...)
 * @param maxDelay            cap of the base delay (default 5 min)
 * @param rateLimitedMinimum  wait after a 429 without Retry-After (default 30 s, [D5])
 * @param maxAge              how long an event may wait in the outbox before it is given up (default 24 h)
 */
public record RetrySchedule(
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        Duration rateLimitedMinimum,
        Duration maxAge) {

    /** No delay below this: even a Retry-After of 0 should not turn into a tight loop. */
    public static final Duration MIN_DELAY = Duration.ofSeconds(1);

    public static final RetrySchedule DEFAULT = new RetrySchedule(
            Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(24));

    public RetrySchedule {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(rateLimitedMinimum, "rateLimitedMinimum");
        Objects.requireNonNull(maxAge, "maxAge");
        require(!initialDelay.isNegative() && !initialDelay.isZero(), "initialDelay must be positive");
        require(Double.isFinite(multiplier) && multiplier >= 1.0, "multiplier must be at least 1");
        require(maxDelay.compareTo(initialDelay) >= 0, "maxDelay must be at least initialDelay");
        require(rateLimitedMinimum.compareTo(MIN_DELAY) >= 0, "rateLimitedMinimum must be at least 1 s");
        require(rateLimitedMinimum.compareTo(maxDelay) <= 0, "rateLimitedMinimum must not exceed maxDelay");
        require(maxAge.compareTo(maxDelay) > 0, "maxAge must exceed maxDelay, or no retry could happen");
    }

    /**
     * The delay before retry number {@code attemptNumber} (1 = the first retry) after a 5xx or network
     * error. The base is {@code initialDelay × multiplier^(n-1)} capped at {@code maxDelay}; the result
     * is drawn uniformly from [base/2, base] ("equal jitter").
     *
     * <p>Equal rather than full jitter: full jitter can draw almost 0 and hit a struggling destination
     * again at once, while half the base still spreads the retries of many outbox rows apart.
     */
    public Duration delayBefore(int attemptNumber, Random random) {
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attemptNumber starts at 1: " + attemptNumber);
        }
        Objects.requireNonNull(random, "random");
        long base = baseDelayMillis(attemptNumber);
        long half = base / 2;
        long jittered = base - half + random.nextLong(half + 1);
        return Duration.ofMillis(jittered);
    }

    /**
     * The delay after a 429: the destination's Retry-After when it sent one (never below 1 s; above the
     * cap if the destination asks for it), else {@code rateLimitedMinimum}. A 429 means the event was not
     * ingested ([D5]), so retrying is safe. Whether Events API 429s carry Retry-After is unconfirmed
     * (FACTS.md §11.2).
     */
    public Duration afterRateLimited(Optional<Duration> retryAfter) {
        return afterRateLimited(retryAfter, 1);
    }

    /**
     * The delay after the {@code consecutive}-th 429 in a row (1 = the first): the destination's Retry-After
     * when it sent one, as above; else {@code rateLimitedMinimum × multiplier^(n-1)} capped at
     * {@code maxDelay} (30 s, 60 s, 120 s, 240 s, then 5 min by default), without jitter. The vendor asks
     * to retry a 429 "preferably with a backoff of a few minutes" ([D1]): a key still throttled after
     * 30 s is throttled by a sustained rate, and a flat 30 s would keep it so.
     */
    public Duration afterRateLimited(Optional<Duration> retryAfter, int consecutive) {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive starts at 1: " + consecutive);
        }
        return retryAfter
                .map(d -> d.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : d)
                .orElseGet(() -> {
                    double millis = rateLimitedMinimum.toMillis() * Math.pow(multiplier, consecutive - 1);
                    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
                });
    }

    /** Whether an event queued at {@code firstQueuedAt} is too old to send at {@code now} (age ≥ maxAge). */
    public boolean isExpired(Instant firstQueuedAt, Instant now) {
        return !now.isBefore(firstQueuedAt.plus(maxAge));
    }

    private long baseDelayMillis(int attemptNumber) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attemptNumber - 1);
        long cap = maxDelay.toMillis();
        // pow may overflow to Infinity for large attempt numbers; the cap absorbs it.
        return millis >= cap ? cap : (long) millis;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
