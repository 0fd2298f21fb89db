package app.ascend.notify.reconcile;

import java.time.Instant;

/** What a channel's last pass did, kept on its lease row: the channel's answer shows it. */
record LastReconciliation(Instant lastRunAt, Integer checked, Integer corrected, String error, Instant nextDueAt) {
}
