package app.ascend.notify.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's time, read through this JVM's clock: the one clock every instance sharing the database
 * agrees on, for lease ends, due times and rate windows. Another instance takes a delivery over when
 * its lease has ended and a rate window slides by these times, so with each JVM's own wall clock an
 * instance whose clock is ahead would take over live claims and spend rate slots early.
 *
 * <p>Measures the offset between this JVM's clock and the database's {@code current_timestamp} at start
 * and every {@code every}: a few round trips, keeping the shortest, whose midpoint is compared with the
 * database's answer (so the error is at most half that round trip). A new offset within that error of
 * the current one is ignored, so the clock does not jitter. While the database is unreachable the last
 * offset stays. Answers this JVM's time plus the offset, in microseconds (the databases' precision).
 */
public final class DatabaseClock extends Clock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);
    /** Past this, the host's clock is worth a warning (NTP is off or broken). */
    static final Duration LARGE_OFFSET = Duration.ofSeconds(1);
    private static final int SAMPLES = 3;
    private final Clock base;
    private final DataSource dataSource;
    private final ScheduledExecutorService refresher;
    private volatile long offsetNanos;
    private boolean warned;

    /** Measures once now, then every {@code every} on a daemon thread; {@link #close()} stops it. */
    public DatabaseClock(Clock base, DataSource dataSource, Duration every) {
        this.base = base;
        this.dataSource = dataSource;
        synchronize();
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-clock");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::synchronize, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Measures the offset again; false (and the last offset kept) when the database did not answer. */
    public boolean synchronize() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long bestRoundTrip = Long.MAX_VALUE;
            long bestOffset = 0;
            for (int i = 0; i < SAMPLES; i++) {
                Instant sent = base.instant();
                Instant database;
                try (ResultSet rs = statement.executeQuery("select current_timestamp")) {
                    rs.next();
                    database = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
                Instant answered = base.instant();
                long roundTrip = Duration.between(sent, answered).toNanos();
                if (roundTrip < bestRoundTrip) {
                    bestRoundTrip = roundTrip;
                    bestOffset = Duration.between(sent.plusNanos(roundTrip / 2), database).toNanos();
                }
            }
            // The database keeps microseconds: half a round trip plus that is the measurement's error.
            if (Math.abs(bestOffset - offsetNanos) > bestRoundTrip / 2 + 1_000) {
                offsetNanos = bestOffset;
            }
            warnIfLarge();
            return true;
        } catch (SQLException | RuntimeException e) {
            log.debug("could not read the database's time, keeping the last offset ({} ms): {}",
                    Duration.ofNanos(offsetNanos).toMillis(), e.toString());
            return false;
        }
    }

    private void warnIfLarge() {
        boolean large = Math.abs(offsetNanos) > LARGE_OFFSET.toNanos();
        if (large && !warned) {
            log.warn("this host's clock is {} ms {} the database's; leases, retries and rate windows follow the "
                    + "database's clock, but fix the host's time (NTP)", Math.abs(Duration.ofNanos(offsetNanos).toMillis()),
                    offsetNanos > 0 ? "behind" : "ahead of");
        }
        warned = large;
    }

    /** How far the database's clock is ahead of this JVM's (negative: behind). */
    public Duration offset() {
        return Duration.ofNanos(offsetNanos);
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(offsetNanos).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
