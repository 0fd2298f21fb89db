package app.ascend.notify.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * One reconciliation pass of a channel as kept and answered.
 *
 * @param trigger        {@code scheduled} or {@code manual}
 * @param openIncidents  how many incidents of the channel ASCEND held open when the pass began
 * @param checked        how many of them the destination answered about (found or not)
 * @param corrected      how many were changed: {@link #corrections()}
 * @param error          why the pass stopped early (a refused credential, a rate limit, no answer); null when it did not
 */
public record ReconciliationRun(String id, String channelId, String trigger, Instant startedAt, Instant finishedAt,
        int openIncidents, int checked, int corrected, String error, List<Correction> corrections) {

    /** One incident changed: its status before and after, and what the destination said. */
    public record Correction(String incidentId, String dedupKey, String from, String to, String detail) {
    }
}
