package app.ascend.notify.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that stands still until a test moves it: retries, maximum ages and rate windows come due
 * when the test says so, without sleeping. Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * Starts at {@code start} cut to whole milliseconds: the databases keep microseconds and round, so
     * a time stored from a nanosecond instant may land after a frozen "now" and never come due.
     */
    public MutableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MILLIS);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
