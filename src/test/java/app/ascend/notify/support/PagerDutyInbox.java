package app.ascend.notify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.simulator.SimIncident;
import tools.jackson.databind.JsonNode;

/** What a PagerDuty simulator received for one routing key: one PagerDuty service's view, in arrival order. */
public record PagerDutyInbox(PagerDutySimulator simulator, String routingKey) {

    /** Every request for this key, answered or refused, in arrival order. */
    public List<RecordedRequest> requests() {
        return simulator.requests().stream().filter(r -> routingKey.equals(r.routingKey())).toList();
    }

    /** Every request for this key and dedup key, in arrival order. */
    public List<RecordedRequest> requests(String dedupKey) {
        return requests().stream().filter(r -> dedupKey.equals(r.dedupKey())).toList();
    }

    /** The events PagerDuty accepted (202) for this key, as sent. */
    public List<JsonNode> accepted() {
        return simulator.acceptedEvents().stream().filter(r -> routingKey.equals(r.routingKey()))
                .map(RecordedRequest::json).toList();
    }

    /** The accepted events for this key and dedup key, as sent. */
    public List<JsonNode> accepted(String dedupKey) {
        return simulator.eventsFor(dedupKey).stream().filter(r -> routingKey.equals(r.routingKey()))
                .map(RecordedRequest::json).toList();
    }

    /** The only accepted event for this dedup key (fails if there are more). */
    public JsonNode only(String dedupKey) {
        List<JsonNode> events = accepted(dedupKey);
        assertThat(events).as("events accepted for %s", dedupKey).hasSize(1);
        return events.get(0);
    }

    /** The only incident for this dedup key. */
    public SimIncident incident(String dedupKey) {
        List<SimIncident> incidents = simulator.incidentsFor(routingKey, dedupKey);
        assertThat(incidents).as("incidents for %s", dedupKey).hasSize(1);
        return incidents.get(0);
    }
}
