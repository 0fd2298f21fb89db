package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeliveryMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, notifiersFor("pagerduty"));

    @Test
    void everyOutcomeOfEveryChannelTypeExistsAtZeroBeforeAnything() {
        for (String outcome : new String[] {"delivered", "failed", "dead", "retried"}) {
            assertThat(count("ascend.deliveries", "outcome", outcome)).as(outcome).isZero();
        }
        for (String status : new String[] {"202", "400", "429", "500", "503", "error"}) {
            assertThat(count("ascend.pagerduty.responses", "status", status)).as(status).isZero();
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
    void noAnswerIsCountedAsErrorAndAnUnexpectedStatusGetsItsOwnSeries() {
        metrics.answered("pagerduty", null);
        metrics.answered("pagerduty", 418);
        metrics.answered("pagerduty", 202);

        assertThat(count("ascend.pagerduty.responses", "status", "error")).isEqualTo(1);
        assertThat(count("ascend.pagerduty.responses", "status", "418")).isEqualTo(1);
        assertThat(count("ascend.pagerduty.responses", "status", "202")).isEqualTo(1);
    }

    @Test
    void answersOfOtherChannelTypesAreNotPagerDutyResponses() {
        metrics.answered("slack", 500);

        assertThat(count("ascend.pagerduty.responses", "status", "500")).isZero();
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

    private static Notifiers notifiersFor(String... types) {
        Notifiers notifiers = mock(Notifiers.class);
        when(notifiers.channelTypes()).thenReturn(Set.of(types));
        return notifiers;
    }
}
