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
 * one action per transaction; those of a window whose notify_after was turned off are dropped. Every
 * instance runs it; row locks make each release happen once.
 */
@Component
class NotifyAfterJob {
    private static final Logger log = LoggerFactory.getLogger(NotifyAfterJob.class);
    private final SuppressedTriggerRepository held;
    private final MaintenanceWindowRepository windows;
    private final HeldTriggerReleaser releaser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Actions decided per run; the rest wait for the next run, so one run stays short. */
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
        List<SuppressedTriggerRepository.HeldKey> keys = held.keysHeldBy(done, pageSize);
        int released = 0;
        for (SuppressedTriggerRepository.HeldKey key : keys) {
            try {
                Instant at = clock.instant();
                if (Boolean.TRUE.equals(transactions.execute(tx -> releaser.release(key, at)))) {
                    released++;
                }
            } catch (RuntimeException e) {
                log.warn("releasing held triggers of {} on channel {} failed, trying again next run: {}", key.dedupKey(),
                        key.channelId(), e.toString());
            }
        }
        return released;
    }
}
