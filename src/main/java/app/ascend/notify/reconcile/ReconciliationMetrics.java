package app.ascend.notify.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ascend_reconciliation_corrections_total{channel_type}}: incidents a pass corrected (drift webhooks did
 * not bring); {@code ascend_reconciliation_passes_total{channel_type, result}}: passes, {@code ok} or
 * {@code error} (a refused credential, a rate limit, no answer). A steady rise of corrections means the
 * destination's webhooks are not reaching ASCEND.
 */
@Component
class ReconciliationMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ReconciliationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void passed(String channelType, ReconciliationRun run) {
        counter("ascend.reconciliation.passes", "Reconciliation passes by result", channelType, "result",
                run.error() == null ? "ok" : "error").increment();
        if (run.corrected() > 0) {
            counter("ascend.reconciliation.corrections", "Incidents corrected by reconciliation", channelType, null, null)
                    .increment(run.corrected());
        }
    }

    private Counter counter(String name, String description, String channelType, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + channelType + "|" + value, key -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag("channel_type", channelType);
            if (tag != null) {
                builder.tag(tag, value);
            }
            return builder.register(registry);
        });
    }
}
