package app.ascend.notify.channel.spi;

import java.time.Duration;

/** At most {@code count} messages per destination in any sliding {@code window}; {@link #NONE}: no limit. */
public record RateLimit(int count, Duration window) {
    public static final RateLimit NONE = new RateLimit(0, Duration.ZERO);
    /** The longest window a type may ask for: slots older than this are deleted. */
    public static final Duration MAX_WINDOW = Duration.ofHours(1);

    public RateLimit {
        if (count > 0 && (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0)) {
            throw new IllegalArgumentException("a rate window is between 1 ms and " + MAX_WINDOW + ": " + window);
        }
    }

    public static RateLimit perMinute(int count) {
        return count <= 0 ? NONE : new RateLimit(count, Duration.ofMinutes(1));
    }

    public boolean limited() {
        return count > 0;
    }
}
