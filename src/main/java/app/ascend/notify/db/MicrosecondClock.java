package app.ascend.notify.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock truncated to microseconds, the precision H2 and PostgreSQL keep, so the answer to
 * a change shows the same {@code created_at}/{@code updated_at} as every later read of the row.
 * (Not {@code Clock.tick(clock, 1 µs)}: on Java 17 its {@code millis()} divides by zero for ticks
 * under a millisecond.)
 */
public final class MicrosecondClock extends Clock {
    private final Clock system;

    public MicrosecondClock(Clock system) {
        this.system = system;
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(system.withZone(zone));
    }
}
