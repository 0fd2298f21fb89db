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
 * @param lastStatusChangeBy who last changed its status by hand (null: the Events API did)
 * @param lastStatusChangeAt when its status last changed (when it opened, until then)
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
        List<IncidentLogEntry> log,
        String lastStatusChangeBy,
        Instant lastStatusChangeAt) {

    public SimIncident {
        log = List.copyOf(log);
    }

    /** Its id in the REST API's answers, as PagerDuty's look (seven capitals and digits). */
    public String restId() {
        return "Q" + String.format(java.util.Locale.ROOT, "%06d", number);
    }

    public boolean open() {
        return status != IncidentStatus.RESOLVED;
    }
}
