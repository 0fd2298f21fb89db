package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The windows of an organization that have not ended, read once per transaction: routing asks for
 * every channel of every event of a batch, and one query per ingest is enough. Nothing outlives the
 * transaction, so a window created or ended through the API (on any instance) counts for the very
 * next event; a cache with a lifetime would need invalidation across instances.
 */
@Component
class OrganizationWindows {
    private final MaintenanceWindowRepository windows;

    OrganizationWindows(MaintenanceWindowRepository windows) {
        this.windows = windows;
    }

    /**
     * Windows not ended at {@code at}. Within one transaction the first call's list is reused: time
     * only moves forward, so it still holds every window that can mute later on (callers check the time).
     */
    @SuppressWarnings("unchecked")
    List<MaintenanceWindow> notEnded(String organizationId, Instant at) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return windows.notEnded(organizationId, at);
        }
        Key key = new Key(organizationId);
        List<MaintenanceWindow> cached = (List<MaintenanceWindow>) TransactionSynchronizationManager.getResource(key);
        if (cached == null) {
            cached = windows.notEnded(organizationId, at);
            TransactionSynchronizationManager.bindResource(key, cached);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return cached;
    }

    /** The transaction resource key: one per organization, private to this class. */
    private record Key(String organizationId) {
    }
}
