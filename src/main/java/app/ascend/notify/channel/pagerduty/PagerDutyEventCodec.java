package app.ascend.notify.channel.pagerduty;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes events to the JSON PagerDuty receives, and keeps them under its 512 KB limit
 * ([D1] Size Limits; PagerDuty enforces it since 2020, [I8]).
 *
 * <p>Like Alertmanager's {@code encodeMessage} ([C1]) we encode first and shrink only
 * {@code custom_details} when over: the summary, severity and links are what the responder needs,
 * the details are the bulk. Unlike Alertmanager we keep the page's metadata when dropping the event's
 * own {@code details} suffices, and say how big the event was.
 */
public final class PagerDutyEventCodec {

    private final JsonMapper json;

    public PagerDutyEventCodec() {
        this(JsonMapper.builder().build());
    }

    public PagerDutyEventCodec(JsonMapper json) {
        this.json = json;
    }

    /** UTF-8 JSON, nulls omitted, timestamps ISO 8601 UTC with milliseconds. */
    public byte[] encode(PagerDutyEvent event) {
        return json.writeValueAsBytes(event);
    }

    /**
     * The event itself when its encoding fits {@link PagerDutyLimits#MAX_EVENT_BYTES}; else the event
     * with {@code custom_details.details} replaced by a {@code details_truncated} note; else with
     * custom_details cut to the note, {@code action_id} and {@code risk_level}.
     *
     * @throws EventTooLargeException when even that is over the limit
     */
    public PagerDutyEvent fitToSizeLimit(PagerDutyEvent event) {
        return fit(event).event();
    }

    /** An event as it is sent, and its encoding. */
    public record Encoded(PagerDutyEvent event, byte[] json) {
    }

    /**
     * As {@link #fitToSizeLimit}, with the encoding of the event it returns, which the size check made
     * anyway: rendering a trigger encodes it once, not once to measure and again to keep.
     */
    public Encoded fit(PagerDutyEvent event) {
        byte[] encoded = encode(event);
        int size = encoded.length;
        if (size <= PagerDutyLimits.MAX_EVENT_BYTES) {
            return new Encoded(event, encoded);
        }
        ObjectNode details = event.payload() == null ? null : event.payload().customDetails();
        if (details == null) {
            throw new EventTooLargeException(size);
        }
        ObjectNode withoutDetails = details.deepCopy();
        withoutDetails.remove(CustomDetails.DETAILS);
        withoutDetails.put(CustomDetails.DETAILS_TRUNCATED, note("details removed", size));
        PagerDutyEvent smaller = withCustomDetails(event, withoutDetails);
        byte[] smallerEncoded = encode(smaller);
        if (smallerEncoded.length <= PagerDutyLimits.MAX_EVENT_BYTES) {
            return new Encoded(smaller, smallerEncoded);
        }
        ObjectNode minimal = JsonNodeFactory.instance.objectNode();
        minimal.put(CustomDetails.DETAILS_TRUNCATED, note("details and metadata removed", size));
        copy(details, minimal, CustomDetails.ACTION_ID);
        copy(details, minimal, CustomDetails.RISK_LEVEL);
        PagerDutyEvent smallest = withCustomDetails(event, minimal);
        byte[] smallestEncoded = encode(smallest);
        if (smallestEncoded.length > PagerDutyLimits.MAX_EVENT_BYTES) {
            throw new EventTooLargeException(smallestEncoded.length);
        }
        return new Encoded(smallest, smallestEncoded);
    }

    private static String note(String what, int originalSize) {
        return what + ": the event was " + originalSize + " bytes, over PagerDuty's "
                + PagerDutyLimits.MAX_EVENT_BYTES + "-byte (512 KB) event limit";
    }

    private static void copy(ObjectNode from, ObjectNode to, String key) {
        if (from.has(key)) {
            to.set(key, from.get(key));
        }
    }

    private static PagerDutyEvent withCustomDetails(PagerDutyEvent e, ObjectNode customDetails) {
        PagerDutyPayload p = e.payload();
        PagerDutyPayload payload = new PagerDutyPayload(p.summary(), p.severity(), p.source(), p.component(),
                p.group(), p.eventClass(), p.timestamp(), customDetails);
        return new PagerDutyEvent(e.routingKey(), e.eventAction(), e.dedupKey(), payload, e.links(),
                e.client(), e.clientUrl());
    }
}
