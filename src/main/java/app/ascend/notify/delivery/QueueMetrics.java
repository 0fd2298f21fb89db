package app.ascend.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ascend.notify.db.SqlTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ascend_queue_depth} (pending and in-flight deliveries) and {@code ascend_queue_oldest_age_seconds}
 * (how long the oldest of them has waited since its event was accepted). Both come from the outbox
 * table, so they describe the whole cluster, not this instance. One query serves both and is reused for
 * {@link #CACHE_FOR}, so scrapes by several Prometheus servers cost the database little.
 */
@Component
class QueueMetrics {
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private final JdbcClient jdbc;
    private final Clock clock;
    private Backlog cached;

    /** The outbox backlog at {@code at}; NaN values when the database could not be read. */
    record Backlog(double depth, double oldestAgeSeconds, Instant at) {
    }

    QueueMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("ascend.queue.depth", this, metrics -> metrics.backlog().depth())
                .description("Deliveries pending or in flight, all instances together")
                .register(registry);
        Gauge.builder("ascend.queue.oldest.age", this, metrics -> metrics.backlog().oldestAgeSeconds())
                .description("Age of the oldest pending or in-flight delivery since its event was accepted; 0 when none")
                .baseUnit("seconds")
                .register(registry);
    }

    synchronized Backlog backlog() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.at().plus(CACHE_FOR)) || now.isBefore(cached.at())) {
            cached = read(now);
        }
        return cached;
    }

    private Backlog read(Instant now) {
        try {
            return jdbc.sql("select count(*) as depth, min(created_at) as oldest from deliveries "
                            + "where status in ('pending', 'in_flight')")
                    .query((rs, row) -> {
                        Instant oldest = SqlTime.read(rs, "oldest");
                        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
                        return new Backlog(rs.getLong("depth"), age, now);
                    })
                    .single();
        } catch (DataAccessException e) {
            // A scrape must not fail because the database is down; readiness reports that.
            return new Backlog(Double.NaN, Double.NaN, now);
        }
    }
}
