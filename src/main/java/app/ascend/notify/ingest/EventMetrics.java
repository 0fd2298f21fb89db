package app.ascend.notify.ingest;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.ascend.notify.event.EventType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ascend_events_received_total{type}}: events stored by ingest (a sender's id seen before is
 * not counted again), one series per known type, created at zero at start.
 */
@Component
public class EventMetrics {
    private final Map<EventType, Counter> received = new EnumMap<>(EventType.class);

    public EventMetrics(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            received.put(type, Counter.builder("ascend.events.received")
                    .description("Governance events accepted and stored, by type")
                    .tag("type", type.wireName())
                    .register(registry));
        }
    }

    public void received(EventType type) {
        received.get(type).increment();
    }
}
