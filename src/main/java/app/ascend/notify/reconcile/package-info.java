/**
 * Reconciliation: a periodic check (and a manual one) that asks a channel's destination, through the channel
 * type's {@link app.ascend.notify.channel.spi.Reconciliation}, what became of the incidents ASCEND holds open,
 * and corrects what drifted (webhooks not set up, or lost) through
 * {@link app.ascend.notify.incident.RemoteIncidentUpdates}, the path inbound webhooks take. One instance at a
 * time per channel (a lease row, database time); bounded per pass. Names no vendor.
 */
package app.ascend.notify.reconcile;
