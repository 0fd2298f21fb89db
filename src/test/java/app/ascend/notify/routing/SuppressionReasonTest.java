package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SuppressionReasonTest {

    @Test
    void everyOutcomeThatQueuedNothingHasAReasonAndTheOthersNone() {
        assertThat(SuppressionReason.of(RoutingOutcome.FILTERED)).contains(SuppressionReason.FILTERED);
        assertThat(SuppressionReason.of(RoutingOutcome.NOT_SUBSCRIBED)).contains(SuppressionReason.NOT_SUBSCRIBED);
        assertThat(SuppressionReason.of(RoutingOutcome.DISABLED)).contains(SuppressionReason.DISABLED);
        assertThat(SuppressionReason.of(RoutingOutcome.SUPPRESSED)).contains(SuppressionReason.MAINTENANCE);
        assertThat(SuppressionReason.of(RoutingOutcome.NOTHING_TO_RESOLVE)).contains(SuppressionReason.NOTHING_TO_RESOLVE);
        assertThat(SuppressionReason.of(RoutingOutcome.QUEUED)).isEqualTo(Optional.empty());
        assertThat(SuppressionReason.of(RoutingOutcome.MERGED)).isEqualTo(Optional.empty());
    }

    @Test
    void routingMetricsStartEveryReasonAtZeroAndCountOnlyDecisionsThatQueuedNothing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoutingMetrics metrics = new RoutingMetrics(registry);
        for (SuppressionReason reason : SuppressionReason.values()) {
            assertThat(registry.get("ascend.suppressed").tag("reason", reason.label()).counter().count()).isZero();
        }

        metrics.decided(Decision.of("chan_1", "one", RoutingOutcome.SUPPRESSED, "maintenance window"));
        metrics.decided(Decision.of("chan_1", "one", RoutingOutcome.NOT_SUBSCRIBED, "not subscribed"));
        metrics.decided(new Decision("chan_1", "one", "queued", "queued", "****abcd", "****abcd", List.of("dlv_1")));

        assertThat(registry.get("ascend.suppressed").tag("reason", "maintenance").counter().count()).isEqualTo(1);
        assertThat(registry.get("ascend.suppressed").tag("reason", "not_subscribed").counter().count()).isEqualTo(1);
        assertThat(registry.find("ascend.suppressed").counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(2);
    }
}
