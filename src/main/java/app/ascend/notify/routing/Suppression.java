package app.ascend.notify.routing;

import java.time.Instant;
import java.util.Optional;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;

/**
 * Something that may mute triggers for a channel and event type at a time, like Alertmanager's
 * {@code Muter} (maintenance windows implement it). Resolves and acknowledges are never muted.
 */
public interface Suppression {
    /** The reason, in words, when the trigger is muted. */
    Optional<String> suppresses(Channel channel, EventType type, Instant at);

    /**
     * Told, in the routing transaction, that {@link #suppresses} just muted this event's trigger on the
     * channel for real (not in a preview), so it can remember it: a maintenance window with
     * {@code notify_after} sends it once the window is over.
     */
    default void suppressed(Channel channel, GovernanceEvent event, Instant at) {
    }
}
