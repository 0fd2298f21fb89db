package app.ascend.notify.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one incident, keyed by (routing key, dedup key) (FACTS.md §3).
 *
 * @param number       1-based, in the order incidents were opened
 * @param title        the summary of the first trigger; an incident keeps its first alert's title (FACTS.md §3, [S3])
 * @param triggerCount the opening trigger plus every repeat trigger that joined it
 * @param log          every event applied, in order, starting with the opening trigger
 */
public record SimIncident(
        long number,
        String routingKey,
        String dedupKey,
        IncidentStatus status,
        int triggerCount,
        String title,
        Instant openedAt,
        Instant updatedAt,
        List<IncidentLogEntry> log) {

    public SimIncident {
        log = List.copyOf(log);
    }

    public boolean open() {
        return status != IncidentStatus.RESOLVED;
    }
}
