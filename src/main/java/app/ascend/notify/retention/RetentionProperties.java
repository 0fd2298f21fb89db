package app.ascend.notify.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param days          events, their deliveries and attempts, and resolved incidents older than this are
 *                      deleted ({@code ASCEND_RETENTION_DAYS}, default 30; 0 keeps them for ever)
 * @param interval      pause between two sweeps (default 10 min)
 * @param initialDelay  first sweep after start (default 1 min: not while the service is warming up)
 * @param batchSize     rows per delete statement and transaction (default 500), so no sweep holds locks
 *                      long enough to slow ingest down
 */
@ConfigurationProperties("ascend.retention")
public record RetentionProperties(int days, Duration interval, Duration initialDelay, int batchSize) {
    public RetentionProperties {
        if (days < 0) {
            throw new IllegalArgumentException("ascend.retention.days (ASCEND_RETENTION_DAYS) must be 0 or more: " + days);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("ascend.retention.batch-size must be at least 1: " + batchSize);
        }
    }

    public boolean keepsForever() {
        return days == 0;
    }
}
