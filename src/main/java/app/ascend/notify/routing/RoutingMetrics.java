package app.ascend.notify.routing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ascend_suppressed_total{reason}}: routing decisions (one per event and channel) that queued
 * nothing, every reason created at zero at start. "Why was nobody paged?" at the scale of a dashboard;
 * the event's explain answer has the per-event detail.
 */
@Component
public class RoutingMetrics {
    private final Map<SuppressionReason, Counter> suppressed = new EnumMap<>(SuppressionReason.class);

    public RoutingMetrics(MeterRegistry registry) {
        for (SuppressionReason reason : SuppressionReason.values()) {
            suppressed.put(reason, Counter.builder("ascend.suppressed")
                    .description("Routing decisions that queued no delivery, by reason")
                    .tag("reason", reason.label())
                    .register(registry));
        }
    }

    /** Counts the decision when it queued nothing. */
    public void decided(Decision decision) {
        RoutingOutcome outcome = RoutingOutcome.valueOf(decision.outcome().toUpperCase(Locale.ROOT));
        SuppressionReason.of(outcome).ifPresent(reason -> suppressed.get(reason).increment());
    }
}
