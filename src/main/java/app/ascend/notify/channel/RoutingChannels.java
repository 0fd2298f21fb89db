package app.ascend.notify.channel;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * An organization's channels as routing reads them (in id order, the one lock order of every writer), kept in
 * memory while the organization's {@link RoutingRevision} is unchanged. Each ingest group reads that one number
 * instead of every channel row (whose events, filters and sealed settings are parsed again each time); any write
 * to the channels, on any instance, changes the number, so the next event routes by what is committed
 * ({@link ChannelRepository}).
 *
 * <p>Why a list read under revision {@code r} is never older than {@code r}: the revision is read first, then the
 * channels, in the caller's transaction; a write changes its channel before (or with) the revision. At worst the
 * kept list is newer than its revision, and the next reader, seeing the newer revision, reads the list again.
 */
@Component
public class RoutingChannels {
    /* Organizations kept; past it the map starts over (a bound on memory, not an eviction policy). */
    static final int MAX_ORGANIZATIONS = 10_000;
    private final ChannelRepository channels;
    private final RoutingRevision revisions;
    private final ConcurrentMap<String, Snapshot> byOrganization = new ConcurrentHashMap<>();

    private record Snapshot(long revision, List<Channel> channels) {
    }

    public RoutingChannels(ChannelRepository channels, RoutingRevision revisions) {
        this.channels = channels;
        this.revisions = revisions;
    }

    /** The organization's channels in id order, as committed; read in the caller's transaction. */
    public List<Channel> of(String organizationId) {
        long revision = revisions.current(organizationId);
        Snapshot kept = byOrganization.get(organizationId);
        if (kept != null && kept.revision() == revision) {
            return kept.channels();
        }
        List<Channel> read = channels.all(organizationId).stream().sorted(Comparator.comparing(Channel::id)).toList();
        if (byOrganization.size() >= MAX_ORGANIZATIONS) {
            byOrganization.clear();
        }
        byOrganization.merge(organizationId, new Snapshot(revision, read),
                (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
        return read;
    }
}
