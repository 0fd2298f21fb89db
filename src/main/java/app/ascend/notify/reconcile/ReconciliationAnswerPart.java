package app.ascend.notify.reconcile;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelAnswerPart;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reconciliation} in the answer about a channel that can be reconciled: {@code {enabled, interval_seconds,
 * last_run_at, checked, corrected, error, next_due_at}} (nulls before its first pass). A channel of a type that
 * reconciles but without the credential shows {@code {"enabled": false}}.
 */
@Component
class ReconciliationAnswerPart implements ChannelAnswerPart {
    private final ChannelReconciler reconciler;
    private final ReconciliationRepository leases;

    ReconciliationAnswerPart(ChannelReconciler reconciler, ReconciliationRepository leases) {
        this.reconciler = reconciler;
        this.leases = leases;
    }

    @Override
    public void addTo(Channel channel, ObjectNode view) {
        if (channel.settings() == null || !reconciler.typeReconciles(channel)) {
            return;
        }
        ObjectNode part = view.putObject("reconciliation");
        boolean enabled = reconciler.reconciliationOf(channel).isPresent();
        part.put("enabled", enabled);
        if (!enabled) {
            return;
        }
        part.put("interval_seconds", reconciler.interval().toSeconds());
        LastReconciliation last = leases.last(channel.organizationId(), channel.id()).orElse(null);
        part.put("last_run_at", last == null || last.lastRunAt() == null ? null : last.lastRunAt().toString());
        part.put("checked", last == null ? null : last.checked());
        part.put("corrected", last == null ? null : last.corrected());
        part.put("error", last == null ? null : last.error());
        part.put("next_due_at", last == null || last.nextDueAt() == null ? null : last.nextDueAt().toString());
    }
}
