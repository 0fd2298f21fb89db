package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeliveryMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, List.of("pagerduty"));

    @Test
    void everyOutcomeOfEveryChannelTypeExistsAtZeroBeforeAnything() {
        for (String outcome : new String[] {"delivered", "failed", "dead", "retried"}) {
            assertThat(count("ascend.deliveries", "outcome", outcome)).as(outcome).isZero();
        }
        assertThat(registry.get("ascend.delivery.latency").timer().count()).isZero();
        assertThat(registry.get("ascend.rate.limit.waits").counter().count()).isZero();
    }

    @Test
    void theStatusADeliveryIsLeftInNamesTheOutcome() {
        metrics.finished("pagerduty", DeliveryStatus.PENDING);
        metrics.finished("pagerduty", DeliveryStatus.DEAD);
        metrics.finished("pagerduty", DeliveryStatus.DEAD);

        assertThat(count("ascend.deliveries", "outcome", "retried")).isEqualTo(1);
        assertThat(count("ascend.deliveries", "outcome", "dead")).isEqualTo(2);
        assertThat(count("ascend.deliveries", "outcome", "delivered")).isZero();
    }

    @Test
    void latencyIsRecordedInSecondsAndAClockSkewNeverRecordsANegative() {
        metrics.delivered(Duration.ofMillis(1500));
        metrics.delivered(Duration.ofSeconds(-3));

        assertThat(registry.get("ascend.delivery.latency").timer().count()).isEqualTo(2);
        assertThat(registry.get("ascend.delivery.latency").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(1.5);
    }

    private double count(String name, String tag, String value) {
        Counter counter = registry.get(name).tag(tag, value).counter();
        return counter.count();
    }
}
