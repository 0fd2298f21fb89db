package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.routing.Suppression;

/**
 * Maintenance windows as a {@link Suppression}: a trigger for a channel and event type that an active
 * window covers is not sent. Routing never asks about resolves and acknowledges, so an incident
 * opened before the window still closes during it.
 */
@Component
class MaintenanceSuppression implements Suppression {
    private final OrganizationWindows windows;
    private final SuppressedTriggerRepository held;

    MaintenanceSuppression(OrganizationWindows windows, SuppressedTriggerRepository held) {
        this.windows = windows;
        this.held = held;
    }

    /**
     * When several windows cover the trigger, the reason names the one muting longest: that is when
     * paging can come back at the earliest.
     */
    @Override
    public Optional<String> suppresses(Channel channel, EventType type, Instant at) {
        return muting(channel, type, at)
                .max(Comparator.comparing(Muting::until).thenComparing(m -> m.window().id()))
                .map(m -> "suppressed by maintenance window " + m.window().name() + " until " + m.until());
    }

    /** Remembers the muted trigger for every covering window that will notify after it ends. */
    @Override
    public void suppressed(Channel channel, GovernanceEvent event, Instant at) {
        String dedupKey = DedupKeys.forEvent(event);
        muting(channel, event.type(), at).filter(m -> m.window().notifyAfter()).forEach(m -> held.record(
                m.window().id(), channel.organizationId(), channel.id(), dedupKey, event.id(), at));
    }

    private Stream<Muting> muting(Channel channel, EventType type, Instant at) {
        return windows.notEnded(channel.organizationId(), at).stream()
                .filter(w -> w.covers(channel.id(), type))
                .flatMap(w -> w.activeUntil(at).map(until -> new Muting(w, until)).stream());
    }

    /** A window muting now, and until when. */
    private record Muting(MaintenanceWindow window, Instant until) {
    }
}
