package app.ascend.notify.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * notify_after: every few seconds (default 15 s, {@code ASCEND_MAINTENANCE_RELEASE_INTERVAL}), the
 * triggers held by windows that no longer mute (ended, between occurrences, or deleted) are released,
 * one action per transaction; those of a window whose notify_after was turned off are dropped. A run
 * walks every held action of those windows, a page at a time ({@code ascend.maintenance.release-page-size})
 * with a keyset cursor: an action another window still mutes stays held (and is skipped until that
 * window is over too) without holding back the actions after it. Every instance runs it; row locks
 * make each release happen once.
 */
@Component
class NotifyAfterJob {
    private static final Logger log = LoggerFactory.getLogger(NotifyAfterJob.class);
    private final SuppressedTriggerRepository held;
    private final MaintenanceWindowRepository windows;
    private final HeldTriggerReleaser releaser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Held actions read per query; a run reads pages until the last one comes back short. */
    private final int pageSize;

    NotifyAfterJob(SuppressedTriggerRepository held, MaintenanceWindowRepository windows, HeldTriggerReleaser releaser,
            TransactionTemplate transactions, Clock clock,
            @Value("${ascend.maintenance.release-page-size:500}") int pageSize) {
        this.held = held;
        this.windows = windows;
        this.releaser = releaser;
        this.transactions = transactions;
        this.clock = clock;
        if (pageSize < 1) {
            throw new IllegalArgumentException("ascend.maintenance.release-page-size must be at least 1: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Scheduled(initialDelayString = "${ascend.maintenance.release-interval:15s}",
            fixedDelayString = "${ascend.maintenance.release-interval:15s}")
    void onSchedule() {
        try {
            releaseEnded();
        } catch (RuntimeException e) {
            log.warn("releasing triggers held by maintenance windows failed, trying again next run: {}", e.toString());
        }
    }

    /** One run; how many actions were released. */
    int releaseEnded() {
        Instant now = clock.instant();
        Set<String> done = new HashSet<>(held.windowsHolding());
        for (MaintenanceWindow window : windows.byIds(done)) {
            if (!window.notifyAfter()) {
                held.dropHeldBy(window.id(), now, "notify_after_off"); // turned off since: nothing is to be sent
                done.remove(window.id());
            } else if (window.activeAt(now)) {
                done.remove(window.id());
            }
        }
        int released = 0;
        SuppressedTriggerRepository.HeldKey after = null;
        List<SuppressedTriggerRepository.HeldKey> page;
        do {
            page = held.keysHeldBy(done, after, pageSize);
            for (SuppressedTriggerRepository.HeldKey key : page) {
                if (releaseOne(key)) {
                    released++;
                }
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == pageSize);
        return released;
    }

    /** Releases one action in its own transaction; false when it waits (still muted, taken, or failed). */
    private boolean releaseOne(SuppressedTriggerRepository.HeldKey key) {
        try {
            Instant at = clock.instant();
            return Boolean.TRUE.equals(transactions.execute(tx -> releaser.release(key, at)));
        } catch (RuntimeException e) {
            log.warn("releasing held triggers of {} on channel {} failed, trying again next run: {}", key.dedupKey(),
                    key.channelId(), e.toString());
            return false;
        }
    }
}
