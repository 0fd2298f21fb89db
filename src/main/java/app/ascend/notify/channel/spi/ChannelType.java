package app.ascend.notify.channel.spi;

import java.util.List;
import java.util.Map;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the core needs to know about one kind of channel, in one bean: its settings, how it renders each message kind, how its deliveries
 * behave (merging, follow-ups, rate), and how it sends — in the spirit of Alertmanager's
 * {@code notify.Notifier} plus its per-receiver config. Routing, the outbox, the dispatcher, the rate
 * budget, metrics, the delivery log, the explain view, maintenance windows and the test alert ask this
 * interface and name no vendor. A channel type is one package under {@code channel}, one bean
 * implementing this; {@code ChannelTypes} checks at start that each is complete.
 *
 * <p>A <em>destination</em> (a region and routing key, a URL) is secret and opaque
 * to the core: sealed at rest, compared, and shown only through {@link #maskDestination}.
 */
public interface ChannelType {

    /** The {@code type} value in the API: lower case letters, digits and {@code _}. */
    String name();

    /** The destination's name in sentences users read ("<display name> refused the trigger"). */
    String displayName();

    /** What one destination is called in explanations: "routing key", "URL". */
    String destinationNoun();

    /**
     * Whether answers repeat the masked destination as {@code routing_key} (decisions, deliveries, incidents,
     * test alerts): the field clients read before there were other channel types, kept for a type whose
     * destination is called a routing key.
     */
    default boolean destinationIsRoutingKey() {
        return "routing key".equals(destinationNoun());
    }

    /**
     * Why channels of this type never receive events of {@code type}, as a sentence saying what to use instead
     * (e.g. a type whose destination itself reported the change), or empty (the default) when they may. A
     * channel listing such a type is refused with this sentence; a channel subscribed to every type skips it.
     */
    default java.util.Optional<String> refuses(EventType type) {
        return java.util.Optional.empty();
    }

    /** The top-level channel fields this type owns, e.g. {@code config}, {@code severity_mapping}. */
    List<String> ownedFields();

    /**
     * Validates the type's fields of a channel document and returns them parsed (defaults applied,
     * secrets in clear), or null when an error was added to {@code channel}. Values sent back masked
     * are replaced by the matching secret of {@code stored} (the channel's current settings, or null on
     * create); errors are added with their paths.
     */
    ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events);

    /** The settings as stored (the JSON of {@link ChannelSettings#toJson()}), parsed once when a channel is loaded. */
    ChannelSettings parse(ObjectNode stored);

    /**
     * Named request bodies this type adds to the OpenAPI description, by operation (e.g.
     * {@code "POST /api/notifications/channels"} → name → JSON body).
     */
    default Map<String, Map<String, String>> apiExamples() {
        return Map.of();
    }

    /** How this type's deliveries behave in the outbox. */
    DeliveryRules rules();

    /**
     * The message for an event on a channel. The payload must not contain the destination's secret:
     * it is stored and shown as it is; {@link #send} adds what is secret.
     */
    RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName);

    /**
     * A test message ("Send Test Alert"): a low-severity {@code TEST}, or (when {@code kind} is
     * {@code RESOLVE}) the message that closes it, under {@code dedupKey}.
     */
    RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind);

    /** The destination as every answer and log line shows it. */
    String maskDestination(String destination);

    /** The payload as the delivery log shows it: as sent, with the masked destination in place of the secret. */
    default JsonNode displayPayload(String maskedDestination, JsonNode payload) {
        return payload;
    }

    /**
     * How many messages one destination may take, counted for all instances together; asked before each
     * send. {@code settings} are the channel's current settings, or null when
     * {@link DeliveryRules#sendsWithSettings()} is false or the channel was deleted.
     */
    RateLimit rateLimit(String destination, ChannelSettings settings);

    /**
     * The warning on a channel that sends {@code sharedTypes} to the same destination as
     * {@code otherChannel} (e.g. {@code Channel "Ops" (chan_…)}): each such event is sent twice.
     */
    default String duplicateWarning(String otherChannel, List<String> sharedTypes) {
        return otherChannel + " also sends " + String.join(", ", sharedTypes) + " to the same " + destinationNoun()
                + ", so each such event is sent twice; narrow one channel's events or disable it.";
    }

    /** The note on a channel that sends other events to the same destination as {@code otherChannel}. */
    default String sharedDestinationWarning(String otherChannel) {
        return otherChannel + " sends other events to the same " + destinationNoun() + ": messages for one action "
                + "through either channel share one ordered sequence.";
    }

    /**
     * Where a delivered message can be seen at its destination (a ticket's number and page), from what the type
     * kept of it ({@link SendResult#remoteRef()}), for the delivery's {@code remote} in answers and the console;
     * empty (the default) when the type keeps nothing a person could open. Must not fail on a reference another
     * version stored: empty then.
     */
    default java.util.Optional<RemoteLink> remoteLink(String remoteRef) {
        return java.util.Optional.empty();
    }

    /** Sends one message now. Remote failures are results, never exceptions. */
    SendResult send(Outgoing message);

    /**
     * How messages to one destination of a channel with these settings (null when
     * {@link DeliveryRules#sendsWithSettings()} is false or the channel was deleted) are gathered into one
     * request; {@link Batching#NONE} (the default) sends each alone.
     */
    default Batching batching(ChannelSettings settings) {
        return Batching.NONE;
    }

    /**
     * Sends the messages of one batch (one channel, one destination, in the order they were due) now and
     * answers for each, in the same order: a message the destination refused is REJECTED while the others are
     * DELIVERED. Remote failures are results, never exceptions. The default sends each alone.
     */
    default List<SendResult> sendBatch(List<Outgoing> messages) {
        return messages.stream().map(this::send).toList();
    }

    /**
     * How this type receives webhooks its destination sends back about incidents
     * ({@code POST /api/webhooks/{type}/{channel_id}}); empty (the default) when it receives none.
     */
    default java.util.Optional<InboundWebhooks> inboundWebhooks() {
        return java.util.Optional.empty();
    }

    /**
     * How this type asks its destination's API what became of the incidents ASCEND opened there (periodic
     * reconciliation); empty (the default) when it cannot.
     */
    default java.util.Optional<Reconciliation> reconciliation() {
        return java.util.Optional.empty();
    }
}
