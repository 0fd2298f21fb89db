package app.ascend.notify.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class NotifierMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final NotifierMetrics metrics = new NotifierMetrics(registry);

    @Test
    void aTypesDocumentedStatusesAndErrorExistAtZeroFromTheStart() {
        metrics.register("pagerduty", List.of(202, 400, 429, 500, 503));

        for (String status : new String[] {"202", "400", "429", "500", "503", "error"}) {
            assertThat(count("pagerduty", status)).as(status).isZero();
        }
        assertThat(registry.get("ascend.notifier.request.duration").tag("channel_type", "pagerduty").timer().count())
                .isZero();
    }

    @Test
    void noAnswerIsCountedAsErrorAndAnUnexpectedStatusGetsItsOwnSeriesPerType() {
        metrics.register("pagerduty", List.of(202));
        metrics.answered("pagerduty", null, Duration.ofMillis(5));
        metrics.answered("pagerduty", 418, Duration.ofMillis(5));
        metrics.answered("webhook", 202, Duration.ofMillis(5));

        assertThat(count("pagerduty", "error")).isEqualTo(1);
        assertThat(count("pagerduty", "418")).isEqualTo(1);
        assertThat(count("pagerduty", "202")).isZero();
        assertThat(count("webhook", "202")).isEqualTo(1);
        assertThat(registry.get("ascend.notifier.request.duration").tag("channel_type", "pagerduty").timer().count())
                .isEqualTo(2);
    }

    private double count(String type, String status) {
        return registry.get("ascend.notifier.requests").tag("channel_type", type).tag("status", status).counter().count();
    }
}
