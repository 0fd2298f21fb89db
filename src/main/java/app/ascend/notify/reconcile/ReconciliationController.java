package app.ascend.notify.reconcile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/**
 * {@code POST /api/notifications/channels/{id}/reconcile}: one pass now, answering what it checked and
 * corrected (admins, as every channel write); {@code GET …/reconciliations}: the passes kept (those that
 * corrected something, failed, or were asked for), newest first. Another organization's channel is a 404.
 */
@RestController
class ReconciliationController {
    private final ChannelRepository channels;
    private final ChannelReconciler reconciler;
    private final ReconciliationRepository leases;
    private final AuditTrail audit;

    ReconciliationController(ChannelRepository channels, ChannelReconciler reconciler, ReconciliationRepository leases,
            AuditTrail audit) {
        this.channels = channels;
        this.reconciler = reconciler;
        this.leases = leases;
        this.audit = audit;
    }

    @PostMapping("/api/notifications/channels/{id}/reconcile")
    ReconciliationRun reconcile(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        Channel channel = channels.find(me.organizationId(), id).orElseThrow(() -> new NotFoundException("channel", id));
        if (reconciler.reconciliationOf(channel).isEmpty()) {
            throw new ConflictException("config", "this channel cannot be reconciled: its type has no API to ask, or "
                    + "the channel holds no API credential for it (a " + channel.type() + " channel's config.rest_api_token)");
        }
        ReconciliationRun run = reconciler.pass(channel, "manual", false).orElseThrow(() -> new ConflictException("id",
                "a reconciliation of this channel is running now; see GET /api/notifications/channels/" + id
                        + "/reconciliations when it ends"));
        audit.record(me, "channel.reconciled", "channel", id, java.util.Map.of("checked", run.checked(),
                "corrected", run.corrected(), "error", run.error() == null ? "" : run.error(), "run_id", run.id()));
        return run;
    }

    @GetMapping("/api/notifications/channels/{id}/reconciliations")
    Page<ReconciliationRun> list(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageParams page = PageParams.parse(limit, cursor);
        channels.find(me.organizationId(), id).orElseThrow(() -> new NotFoundException("channel", id));
        return Page.of(leases.page(me.organizationId(), id, page), page, ReconciliationRun::id);
    }
}
