package app.ascend.notify.simulator;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One event a HEC stand-in collector took, in arrival order: its request's sequence, its position there, the data
 * channel, the raw text of {@code time} as sent, and the envelope as parsed.
 */
public record ReceivedHecEvent(long sequence, long request, int position, Instant receivedAt, String channel,
        String timeText, JsonNode envelope) {

    /** The governance event inside the envelope. */
    public JsonNode event() {
        return envelope.get("event");
    }

    /** The delivery id the sender put in {@code fields.ascend_delivery_id}, or null. */
    public String deliveryId() {
        JsonNode fields = envelope.get("fields");
        JsonNode id = fields == null ? null : fields.get("ascend_delivery_id");
        return id == null || !id.isString() ? null : id.stringValue();
    }
}
