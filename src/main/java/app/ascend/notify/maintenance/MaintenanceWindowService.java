package app.ascend.notify.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating, reading, changing, ending and deleting maintenance windows, each within the caller's
 * organization (another organization's id is simply not found), every change audited. Ended windows
 * stay listed: they are the record of when paging was muted and why.
 */
@Service
class MaintenanceWindowService {
    private static final String TARGET = "maintenance_window";
    /** How many rows a filtered list reads at a time while filling a page. */
    private static final int SCAN_BATCH = 200;
    private final MaintenanceWindowRepository windows;
    private final MaintenanceWindowReader reader;
    private final ChannelRepository channels;
    private final AuditTrail audit;
    private final Clock clock;

    MaintenanceWindowService(MaintenanceWindowRepository windows, MaintenanceWindowReader reader,
            ChannelRepository channels, AuditTrail audit, Clock clock) {
        this.windows = windows;
        this.reader = reader;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ObjectNode create(AscendPrincipal by, JsonNode body) {
        Instant now = now();
        MaintenanceWindowReader.Draft draft = reader.read(body, channelIds(by), null, now);
        MaintenanceWindow window = build(Ids.newId("mw"), by.organizationId(), draft, now, now);
        windows.insert(window);
        audit.record(by, "maintenance_window.created", TARGET, window.id(), MaintenanceWindowViews.document(window));
        return MaintenanceWindowViews.view(window, now);
    }

    ObjectNode get(AscendPrincipal by, String id) {
        return MaintenanceWindowViews.view(find(by, id), now());
    }

    /** Newest first; {@code active} (when given) keeps only windows that do (or do not) mute right now. */
    Page<ObjectNode> list(AscendPrincipal by, PageParams page, Boolean active) {
        Instant now = now();
        if (active == null) {
            return Page.of(windows.page(by.organizationId(), page.before(), page.fetchSize(), false, now), page,
                    MaintenanceWindow::id).map(w -> MaintenanceWindowViews.view(w, now));
        }
        // Whether a recurring window is on is decided in Java, so read in batches until the page is full.
        List<MaintenanceWindow> matching = new ArrayList<>();
        String before = page.before();
        while (matching.size() < page.fetchSize()) {
            List<MaintenanceWindow> rows = windows.page(by.organizationId(), before, SCAN_BATCH, active, now);
            rows.stream().filter(w -> w.activeAt(now) == active).forEach(matching::add);
            if (rows.size() < SCAN_BATCH) {
                break;
            }
            before = rows.get(rows.size() - 1).id();
        }
        List<MaintenanceWindow> rowsPlusOne = matching.subList(0, Math.min(matching.size(), page.fetchSize()));
        return Page.of(rowsPlusOne, page, MaintenanceWindow::id).map(w -> MaintenanceWindowViews.view(w, now));
    }

    /** PATCH: a JSON merge patch (RFC 7386) onto the stored window; {@code {"ends_at": now}} ends it. */
    @Transactional
    ObjectNode patch(AscendPrincipal by, String id, JsonNode patch) {
        MaintenanceWindow stored = find(by, id);
        JsonNode document = patch != null && patch.isObject()
                ? MaintenanceWindowViews.merge(MaintenanceWindowViews.document(stored), withoutReadOnly((ObjectNode) patch))
                : patch;
        Instant now = now();
        MaintenanceWindowReader.Draft draft = reader.read(document, channelIds(by), stored, now);
        return replace(by, stored, build(stored.id(), stored.organizationId(), draft, stored.createdAt(), now), now);
    }

    /**
     * Ends the window now: the period ends, and with it a running occurrence. Ending an ended window
     * changes nothing; a window that has not started is cancelled by deleting it.
     */
    @Transactional
    ObjectNode end(AscendPrincipal by, String id) {
        MaintenanceWindow stored = find(by, id);
        Instant now = now();
        if (stored.hasEnded(now)) {
            return MaintenanceWindowViews.view(stored, now);
        }
        if (now.isBefore(stored.startsAt())) {
            throw new ConflictException("starts_at", "the window has not started yet (it starts at " + stored.startsAt()
                    + "); delete it to cancel it");
        }
        MaintenanceWindow ended = new MaintenanceWindow(stored.id(), stored.organizationId(), stored.name(),
                stored.startsAt(), now, stored.channelIds(), stored.events(),
                stored.reason(), stored.notifyAfter(), stored.recurrence(), stored.createdAt(), now);
        return replace(by, stored, ended, now);
    }

    /**
     * Deleting a window lifts it at once; triggers it held for notify_after are then released like
     * after its end (the maintenance is over either way).
     */
    @Transactional
    void delete(AscendPrincipal by, String id) {
        MaintenanceWindow stored = find(by, id);
        windows.delete(by.organizationId(), id);
        audit.record(by, "maintenance_window.deleted", TARGET, id, MaintenanceWindowViews.document(stored));
    }

    private ObjectNode replace(AscendPrincipal by, MaintenanceWindow stored, MaintenanceWindow updated, Instant now) {
        windows.update(updated);
        audit.record(by, "maintenance_window.updated", TARGET, stored.id(), MaintenanceWindowViews.changes(stored, updated));
        return MaintenanceWindowViews.view(updated, now);
    }

    private static MaintenanceWindow build(String id, String organizationId, MaintenanceWindowReader.Draft d,
            Instant createdAt, Instant updatedAt) {
        return new MaintenanceWindow(id, organizationId, d.name(), d.startsAt(), d.endsAt(), d.channelIds(), d.events(),
                d.reason(), d.notifyAfter(), d.recurrence(), createdAt, updatedAt);
    }

    /** Millisecond precision: what the database keeps on both engines, so an answer matches a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private MaintenanceWindow find(AscendPrincipal by, String id) {
        return windows.find(by.organizationId(), id).orElseThrow(() -> new NotFoundException("maintenance window", id));
    }

    private Set<String> channelIds(AscendPrincipal by) {
        return channels.all(by.organizationId()).stream().map(Channel::id).collect(Collectors.toSet());
    }

    private static ObjectNode withoutReadOnly(ObjectNode patch) {
        ObjectNode copy = patch.deepCopy();
        MaintenanceWindowReader.READ_ONLY.forEach(copy::remove);
        return copy;
    }
}
