package app.ascend.notify.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's clock follows the database's, whatever this host's wall clock says: measured against a
 * real (H2) database, whose time here is this machine's true time, while the JVM's clock is made wrong.
 */
class DatabaseClockTest {
    private static final Duration TOLERANCE = Duration.ofMillis(200);

    @Test
    void aHostTenSecondsAheadReadsTheDatabasesTime() {
        try (DatabaseClock clock = new DatabaseClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10)), h2(),
                Duration.ofHours(1))) {
            assertThat(clock.offset()).isBetween(Duration.ofSeconds(-10).minus(TOLERANCE),
                    Duration.ofSeconds(-10).plus(TOLERANCE));
            assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(TOLERANCE);
            assertThat(clock.instant().getNano() % 1000).as("microseconds, as the databases store").isZero();
        }
    }

    @Test
    void theLastOffsetStaysWhileTheDatabaseIsUnreachable() {
        AtomicBoolean down = new AtomicBoolean();
        DelegatingDataSource flaky = new DelegatingDataSource(h2()) {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException("database unreachable");
                }
                return super.getConnection();
            }
        };
        try (DatabaseClock clock = new DatabaseClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-7)), flaky,
                Duration.ofHours(1))) {
            Duration measured = clock.offset();
            down.set(true);

            assertThat(clock.synchronize()).isFalse();
            assertThat(clock.offset()).isEqualTo(measured);
            assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(TOLERANCE);
        }
    }

    @Test
    void repeatedMeasurementsAgreeWithinMilliseconds() {
        try (DatabaseClock clock = new DatabaseClock(Clock.systemUTC(), h2(), Duration.ofHours(1))) {
            Duration first = clock.offset();
            clock.synchronize();
            assertThat(clock.offset().minus(first).abs()).isLessThan(Duration.of(5, ChronoUnit.MILLIS));
        }
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:clock_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
