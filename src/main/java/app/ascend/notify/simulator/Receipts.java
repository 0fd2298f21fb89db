package app.ascend.notify.simulator;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /_sim/receipts}: one tab-separated line per request received on a PagerDuty path, small enough
 * for a benchmark to fetch hundreds of thousands at once and parse without a JSON library:
 * {@code sequence, receivedAtEpochNanos, status, event_action, routing_key, dedup_key, payload.summary}.
 */
final class Receipts {
    static final String HEADER = "sequence\treceived_at_epoch_nanos\tstatus\tevent_action\trouting_key\tdedup_key\tsummary\n";

    private Receipts() {
    }

    static String tsv(List<RecordedRequest> requests) {
        StringBuilder out = new StringBuilder(HEADER.length() + requests.size() * 120).append(HEADER);
        for (RecordedRequest r : requests) {
            JsonNode body = r.json();
            out.append(r.sequence()).append('\t').append(r.receivedAtEpochNanos()).append('\t').append(r.status())
                    .append('\t').append(field(body == null ? null : body.get("event_action")))
                    .append('\t').append(cell(r.routingKey()))
                    .append('\t').append(cell(r.dedupKey()))
                    .append('\t').append(field(body == null ? null : body.path("payload").get("summary")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String field(JsonNode node) {
        return node != null && node.isString() ? cell(node.stringValue()) : "";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
