package app.ascend.notify.channel.hec;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import app.ascend.notify.channel.spi.Outgoing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The body of one {@code POST /services/collector/event}: the events' JSON objects written one after another, no
 * array and no separator, as Splunk's Java logging library sends a batch (shared/reference/splunk-hec/FACTS.md §4, [C1];
 * a top-level array is unconfirmed). Each event gets, when sent:
 * <ul>
 * <li>{@code time} as a plain decimal ({@code 1791048401.679}): the stored payload may come back from the database as a
 * double, which Jackson would write as {@code 1.791048401679E9}, a form third parties report HEC refuses (FACTS.md §3);
 * <li>the delivery id, the same on every retry, as the indexed field {@code fields.ascend_delivery_id} (flat, a string,
 * FACTS.md §3) and as {@code event.delivery_id}: HEC cannot drop a repeat, so a search dedupes with
 * {@code | dedup ascend_delivery_id}.
 * </ul>
 */
final class HecRequestBody {
    static final String DELIVERY_ID_FIELD = "ascend_delivery_id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HecRequestBody() {
    }

    static byte[] of(List<Outgoing> messages) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Outgoing message : messages) {
            body.writeBytes(event(message));
        }
        return body.toByteArray();
    }

    static byte[] event(Outgoing message) {
        ObjectNode event = message.payload().isObject() ? ((ObjectNode) message.payload()).deepCopy()
                : JSON.createObjectNode().set("event", message.payload());
        JsonNode time = event.get("time");
        if (time != null && time.isNumber()) {
            event.putRawValue("time", new RawValue(plain(time.decimalValue())));
        }
        if (event.get("event") instanceof ObjectNode inner) {
            inner.put("delivery_id", message.deliveryId());
        }
        event.putObject("fields").put(DELIVERY_ID_FIELD, message.deliveryId());
        return JSON.writeValueAsBytes(event);
    }

    /** Seconds with milliseconds, never in E-notation. */
    static String plain(BigDecimal seconds) {
        return seconds.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
