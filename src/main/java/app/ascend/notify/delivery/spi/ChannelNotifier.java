package app.ascend.notify.delivery.spi;

import java.util.Optional;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/**
 * What a channel type implements so the delivery pipeline can send for it, in the spirit of
 * Alertmanager's {@code Notifier}: render an event into the channel's message, say where it goes,
 * and send it, answering whether a failure is worth retrying. The pipeline never imports a concrete
 * channel package; it is handed these beans.
 *
 * <p>A destination (for PagerDuty, the region and routing key) is secret and opaque to the pipeline:
 * it is sealed at rest and shown only through {@link #maskDestination}.
 */
public interface ChannelNotifier {

    /** The channel type this notifier serves, e.g. {@code pagerduty}. */
    String channelType();

    /** The destination's name in sentences users read ("PagerDuty refused the trigger"). */
    default String displayName() {
        return channelType();
    }

    /** Where events of {@code type} go on this channel, or empty when the channel has no destination. */
    Optional<String> destinationFor(Channel channel, EventType type);

    /** Where test alerts go (for PagerDuty: {@code routing_key}, else {@code integration_key}). */
    Optional<String> testDestination(Channel channel);

    /**
     * A test message ("Send Test Alert"): a low-severity {@code TRIGGER} with {@code summary}, or the
     * {@code RESOLVE} that closes it, under {@code dedupKey}.
     */
    RenderedMessage renderTest(Channel channel, String summary, String dedupKey, String organizationName, MessageKind kind);

    /** The destination as every answer and log line shows it. */
    String maskDestination(String destination);

    /**
     * The message for an event on a channel. The payload must not contain the destination's secret:
     * it is stored and shown as it is; {@link #send} adds the secret.
     */
    RenderedMessage render(Channel channel, GovernanceEvent event, String organizationName);

    /** The payload as the delivery log shows it: as sent, with the masked destination in place of the secret. */
    JsonNode displayPayload(String maskedDestination, JsonNode payload);

    /** Sends one message now. Remote failures are results, never exceptions. */
    SendResult send(String destination, JsonNode payload);
}
