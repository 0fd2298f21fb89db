package app.ascend.notify.simulator;

import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON views of the webhook receiver for {@code /_sim/webhooks/}: snake_case like the fault bodies they answer,
 * times ISO-8601. Never a secret: only how many are registered.
 */
final class WebhookJson {

    private final JsonMapper json;

    WebhookJson(JsonMapper json) {
        this.json = json;
    }

    ObjectNode list(String field, List<ReceivedWebhook> requests) {
        ObjectNode node = json.createObjectNode();
        ArrayNode array = node.putArray(field);
        requests.forEach(r -> array.add(request(r)));
        return node;
    }

    ObjectNode request(ReceivedWebhook r) {
        ObjectNode node = json.createObjectNode();
        node.put("sequence", r.sequence());
        node.put("endpoint", r.endpoint());
        node.put("received_at", r.receivedAt().toString());
        ObjectNode headers = node.putObject("headers");
        headers.put(WebhookHeaders.ID, r.headers().id());
        headers.put(WebhookHeaders.TIMESTAMP, r.headers().timestamp());
        headers.put(WebhookHeaders.SIGNATURE, r.headers().signature());
        if (r.json() != null) {
            node.set("body", r.json());
        } else {
            node.put("body", r.rawBody());
        }
        node.put("body_bytes", r.bodyBytes());
        node.put("verified", r.verified());
        node.put("verification", r.verification());
        node.put("status", r.status());
        node.put("duplicate", r.duplicate());
        return node;
    }

    ObjectNode secrets(String endpoint, int count) {
        return json.createObjectNode().put("endpoint", endpoint).put("secrets", count);
    }

    ObjectNode fault(String endpoint, WebhookFault fault, int left) {
        ObjectNode node = json.createObjectNode();
        node.put("endpoint", endpoint);
        if (fault == null) {
            node.putNull("fault");
            return node;
        }
        ObjectNode f = node.putObject("fault");
        if (fault.status() != 0) {
            f.put("status", fault.status());
        }
        if (fault.retryAfter() != null) {
            f.put("retry_after", fault.retryAfter());
        }
        if (fault.redirectTo() != null) {
            f.put("redirect_to", fault.redirectTo());
            f.put("redirect_status", fault.redirectStatus());
        }
        if (!fault.delay().isZero()) {
            f.put("delay_ms", fault.delay().toMillis());
        }
        if (fault.stallBody()) {
            f.put("stall_body", true);
        }
        f.put("count", fault.count());
        node.put("remaining", left);
        return node;
    }

    ObjectNode stats(WebhookStats stats) {
        ObjectNode node = json.createObjectNode();
        node.put("requests", stats.requests());
        node.put("accepted", stats.accepted());
        node.put("verified", stats.verified());
        node.put("duplicates", stats.duplicates());
        ObjectNode byStatus = node.putObject("byStatus");
        new TreeMap<>(stats.byStatus()).forEach((status, n) -> byStatus.put(String.valueOf(status), n));
        ObjectNode byEndpoint = node.putObject("acceptedByEndpoint");
        new TreeMap<>(stats.acceptedByEndpoint()).forEach(byEndpoint::put);
        return node;
    }
}
