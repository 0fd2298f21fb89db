package app.ascend.notify.channel.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.event.EventType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A channel's type-owned settings, parsed and validated once (when read from a request or loaded from
 * the database) and then used as a value. Implementations are immutable.
 */
public interface ChannelSettings {

    /** The stored form, secrets in clear (the repository seals it). */
    ObjectNode toJson();

    /** The settings as every answer shows them: secrets masked. */
    ObjectNode masked();

    /**
     * The settings in the answer that created the channel (or rotated a secret): the place to show a
     * secret the service generated, once. Masked like every other answer by default.
     */
    default ObjectNode shownOnce() {
        return masked();
    }

    /** Advice about settings that are valid but will not work as meant (never quoting a secret). */
    List<String> warnings(List<EventType> subscribed);

    /**
     * Where each subscribed type would be sent, to find channels that send the same types to the same
     * place. Values are secrets: compare them, never show them.
     */
    Map<EventType, String> destinations(List<EventType> subscribed);

    /** Where events of {@code type} go, or empty when the channel has no destination for it. */
    Optional<String> destinationFor(EventType type);

    /** Where test alerts go, or empty when there is none. */
    Optional<String> testDestination();

    /**
     * These settings with a newly generated secret (shown once, through {@link #shownOnce()}), the old one
     * still valid for a grace period from {@code now}; empty when the type has no secret it generates
     * (then {@code POST …/channels/{id}/rotate-secret} answers 409).
     */
    default Optional<ChannelSettings> withRotatedSecret(Instant now) {
        return Optional.empty();
    }
}
