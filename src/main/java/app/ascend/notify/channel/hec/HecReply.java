package app.ascend.notify.channel.hec;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HEC's answer body, {@code {"text", "code", "invalid-event-number", "ackId"}} (shared/reference/splunk-hec/FACTS.md §5,
 * [SPEC-REST]); each part null when absent or when the body is not HEC's JSON (a proxy's page).
 */
record HecReply(Integer code, String text, Integer invalidEventNumber, Long ackId) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final HecReply NONE = new HecReply(null, null, null, null);

    static HecReply parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        return new HecReply(integer(root.get("code")).map(Long::intValue).orElse(null),
                root.get("text") != null && root.get("text").isString() ? root.get("text").stringValue() : null,
                integer(root.get("invalid-event-number")).map(Long::intValue).orElse(null),
                integer(root.get("ackId")).orElse(null));
    }

    private static Optional<Long> integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? Optional.of(node.asLong())
                : Optional.empty();
    }

    /** {@code Token disabled (code 1)}, or the status alone when HEC's JSON is missing. */
    String said(int status) {
        if (code == null) {
            return "HTTP " + status;
        }
        return (text == null ? "" : text + " ") + "(code " + code + ", HTTP " + status + ")";
    }
}
