package app.ascend.notify.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.ChannelTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The delivery pipeline's series, in the manner of Alertmanager's {@code notify/metrics.go}: every
 * label value known up front is created at zero at start, so a dashboard or an alert rule sees 0 rather
 * than "no data" before the first failure. No organization label: its cardinality grows with tenants.
 */
@Component
public class DeliveryMetrics {
    /** What happened to a delivery after one attempt; {@code retried} means it went back to the queue. */
    public enum Outcome {
        DELIVERED, FAILED, DEAD, RETRIED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(DeliveryStatus status) {
            return switch (status) {
                case DELIVERED -> DELIVERED;
                case FAILED -> FAILED;
                case DEAD -> DEAD;
                case PENDING, IN_FLIGHT -> RETRIED;
            };
        }
    }

    /**
     * Buckets from "sent at once" to "retried for a day" (the outbox's default maximum age): the first
     * ones show the destination's own latency, the later ones how long outages and rate limits held events back.
     */
    static final List<Duration> LATENCY_BUCKETS = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

    private final MeterRegistry registry;
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Timer latency;
    private final Counter rateLimitWaits;
    private final Counter leaseExpired;
    private final Counter handedOver;

    @Autowired
    public DeliveryMetrics(MeterRegistry registry, ChannelTypes types) {
        this(registry, types.names());
    }

    DeliveryMetrics(MeterRegistry registry, Collection<String> channelTypes) {
        this.registry = registry;
        for (String channelType : channelTypes) {
            for (Outcome outcome : Outcome.values()) {
                deliveryCounter(channelType, outcome);
            }
        }
        this.latency = Timer.builder("ascend.delivery.latency")
                .description("From the event's acceptance (202 to the sender) to the destination's acceptance")
                .serviceLevelObjectives(LATENCY_BUCKETS.toArray(Duration[]::new))
                .register(registry);
        this.rateLimitWaits = Counter.builder("ascend.rate.limit.waits")
                .description("Sends put back because the destination's rate budget was spent")
                .register(registry);
        this.leaseExpired = Counter.builder("ascend.delivery.lease.expired")
                .description("Sends not started because their claim's lease had already ended (another instance may "
                        + "hold the delivery now)")
                .register(registry);
        this.handedOver = Counter.builder("ascend.deliveries.handed.over")
                .description("Deliveries sent straight from the committing ingest, without a claim query (the rest "
                        + "are claimed: retries, deliveries waiting behind an earlier one, takeovers)")
                .register(registry);
    }

    /** One attempt's effect on its delivery (the status it was left in). */
    public void finished(String channelType, DeliveryStatus status) {
        deliveryCounter(channelType, Outcome.of(status)).increment();
    }

    /** A queued delivery was taken (202) this long after its event was accepted. */
    public void delivered(Duration sinceAccepted) {
        latency.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    public void rateLimitWait() {
        rateLimitWaits.increment();
    }

    public void leaseExpired() {
        leaseExpired.increment();
    }

    void handedOver(int count) {
        handedOver.increment(count);
    }

    private Counter deliveryCounter(String channelType, Outcome outcome) {
        return deliveries.computeIfAbsent(channelType + "|" + outcome.label(), key -> Counter.builder("ascend.deliveries")
                .description("Delivery attempts by the status they left the delivery in")
                .tag("channel_type", channelType).tag("outcome", outcome.label())
                .register(registry));
    }
}
