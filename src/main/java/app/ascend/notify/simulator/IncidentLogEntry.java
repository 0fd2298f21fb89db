package app.ascend.notify.simulator;

import java.time.Instant;

/**
 * One accepted event applied to an incident, in the order received: the incident's alert log
 * (a repeat trigger adds "a trigger log entry", FACTS.md §3).
 *
 * @param requestSequence the {@link RecordedRequest#sequence()} of the event
 */
public record IncidentLogEntry(EventAction action, Instant at, long requestSequence) {
}
