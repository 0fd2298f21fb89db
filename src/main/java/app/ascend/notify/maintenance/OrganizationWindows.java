package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.RoutingRevision;

/**
 * The windows of an organization that have not ended, kept in memory while the organization's {@link RoutingRevision}
 * is unchanged: routing asks for every channel of every event, and each ingest group then reads that one number
 * (which it reads for the channels anyway) instead of the windows (one round trip fewer per group on PostgreSQL;
 * docs/PERFORMANCE.md, ninth look). Every write to an organization's windows, on any instance, changes the number, so
 * a window created, edited or deleted through the API counts for the very next event.
 *
 * <p>Why a kept list still answers later: time only moves forward, so the windows not ended when it was read include
 * every window that can mute later on; callers check each window's period at their own time. Asked about a time
 * before the read (a clock set back), it reads again.
 */
@Component
class OrganizationWindows {
    /* Organizations kept; past it the map starts over (a bound on memory, not an eviction policy). */
    static final int MAX_ORGANIZATIONS = 10_000;
    private final MaintenanceWindowRepository windows;
    private final RoutingRevision revisions;
    private final ConcurrentMap<String, Snapshot> byOrganization = new ConcurrentHashMap<>();

    private record Snapshot(long revision, Instant readAt, List<MaintenanceWindow> windows) {
    }

    OrganizationWindows(MaintenanceWindowRepository windows, RoutingRevision revisions) {
        this.windows = windows;
        this.revisions = revisions;
    }

    /** Windows not ended at {@code at}, and perhaps some that ended since the list was read (callers check the time). */
    List<MaintenanceWindow> notEnded(String organizationId, Instant at) {
        long revision = revisions.current(organizationId);
        Snapshot kept = byOrganization.get(organizationId);
        if (kept != null && kept.revision() == revision && !at.isBefore(kept.readAt())) {
            return kept.windows();
        }
        List<MaintenanceWindow> read = List.copyOf(windows.notEnded(organizationId, at));
        if (byOrganization.size() >= MAX_ORGANIZATIONS) {
            byOrganization.clear();
        }
        byOrganization.merge(organizationId, new Snapshot(revision, at, read),
                (old, fresh) -> fresh.revision() > old.revision()
                        || fresh.revision() == old.revision() && fresh.readAt().isAfter(old.readAt()) ? fresh : old);
        return read;
    }
}
