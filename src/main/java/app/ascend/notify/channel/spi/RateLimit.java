package app.ascend.notify.channel.spi;

import java.time.Duration;

/** At most {@code count} messages per destination in any sliding {@code window}; {@link #NONE}: no limit. */
public record RateLimit(int count, Duration window) {
    public static final RateLimit NONE = new RateLimit(0, Duration.ZERO);

    public static RateLimit perMinute(int count) {
        return count <= 0 ? NONE : new RateLimit(count, Duration.ofMinutes(1));
    }

    public boolean limited() {
        return count > 0;
    }
}
