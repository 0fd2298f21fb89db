package app.ascend.notify.ingest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.web.ServiceBusyException;

/**
 * At most (connections − {@value #RESERVED}) ingests at once, so the dispatcher, the recorder and
 * sign-ins always find a database connection: in the benchmark, an ingest burst held every connection
 * and deliveries stopped until the burst had drained. An ingest that cannot start within the
 * connection timeout answers 503 with {@code Retry-After} and stores nothing.
 */
@Component
class IngestAdmission {
    static final int RESERVED = 3;
    private final Semaphore permits;
    private final Duration wait;

    IngestAdmission(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections,
            @Value("${spring.datasource.hikari.connection-timeout:3000}") long waitMillis) {
        this.permits = new Semaphore(Math.max(1, connections - RESERVED), true);
        this.wait = Duration.ofMillis(waitMillis);
    }

    <T> T admit(Supplier<T> ingest) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ServiceBusyException("The service is at capacity; nothing was stored. Send the events again "
                    + "after the Retry-After delay.", Duration.ofSeconds(1));
        }
        try {
            return ingest.get();
        } finally {
            permits.release();
        }
    }
}
