package app.ascend.notify.channel.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Truncation;
import app.ascend.notify.event.Changes;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook, following the Standard Webhooks payload recommendations (spec 1.0.0, "Payload
 * structure", https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * a top-level {@code type} ({@code ascend.} + the event type, dot-separated {@code [a-zA-Z0-9_]}
 * segments, e.g. {@code ascend.action.blocked}; {@code ascend.test} for a test alert), the event's
 * {@code timestamp} (ISO 8601), and {@code data} holding the whole event, so a receiver needs no call back.
 * Every field is always present (null when the event has no value), so one type has one shape
 * ({@code docs/webhook-payload.schema.json}). Kept under the spec's "usually < 20 kB": the summary is cut
 * to {@link #SUMMARY_MAX_CODE_POINTS}, and details that do not fit become a cut JSON text; {@code
 * data.truncated} names what was cut.
 */
public final class WebhookPayload {
    /** The spec's "Payload size": "usually < 20 kB"; link to more instead. */
    public static final int MAX_BYTES = 20_000;
    /** Long enough for any template summary; ingest allows 10,000. */
    public static final int SUMMARY_MAX_CODE_POINTS = 1024;
    public static final String TYPE_PREFIX = "ascend.";
    public static final String TEST_TYPE = "ascend.test";
    public static final String TEST_RESOLVED_TYPE = "ascend.test.resolved";
    public static final String VIEW_LINK_TEXT = "View in Ascend";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String publicUrl;

    /** {@code publicUrl}: ASCEND's base URL for "View in Ascend" links, or null/blank for none. */
    public WebhookPayload(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    public ObjectNode event(ChannelRef channel, GovernanceEvent e, String organizationName) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("type", TYPE_PREFIX + e.type().wireName());
        root.put("timestamp", e.occurredAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("id", e.id());
        data.put("event_type", e.type().wireName());
        data.put("action", e.type().action().name().toLowerCase(Locale.ROOT));
        data.put("dedup_key", DedupKeys.forEvent(e));
        organization(data, e.organizationId(), organizationName);
        channel(data, channel);
        data.put("action_id", e.actionId());
        data.put("agent_id", e.agentId());
        data.put("action_type", e.actionType());
        data.put("resource", e.resource());
        if (e.riskScore() == null) {
            data.putNull("risk_score");
        } else {
            data.put("risk_score", e.riskScore());
        }
        data.put("risk_level", RiskLevels.of(e));
        data.put("policy_name", e.policyName());
        data.put("user", e.user());
        data.put("source_ip", e.sourceIp());
        List<String> truncated = new ArrayList<>();
        data.put("summary", cut(summaryOf(e), SUMMARY_MAX_CODE_POINTS, "summary", truncated));
        if (e.details() == null) {
            data.putNull("details");
        } else {
            data.set("details", e.details().deepCopy());
        }
        data.putNull("details_excerpt");
        ArrayNode links = data.putArray("links");
        if (publicUrl != null && e.type().action() == EventType.Action.CHANGE) {
            // A change belongs to no action: the link is the event itself in the console.
            links.addObject().put("href", publicUrl + "/#/events/" + pathSegment(e.id())).put("text", VIEW_LINK_TEXT);
        } else if (publicUrl != null && e.actionId() != null && !e.actionId().isBlank()) {
            links.addObject().put("href", publicUrl + "/actions/" + pathSegment(e.actionId())).put("text", VIEW_LINK_TEXT);
        }
        ArrayNode cut = data.putArray("truncated");
        truncated.forEach(cut::add);
        return fitted(root);
    }

    /** "Send Test Alert": {@code ascend.test}, or {@code ascend.test.resolved} for the message closing it. */
    public ObjectNode test(ChannelRef channel, String summary, String dedupKey, String organizationName, MessageKind kind,
            Instant now) {
        boolean resolve = kind == MessageKind.RESOLVE;
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("type", resolve ? TEST_RESOLVED_TYPE : TEST_TYPE);
        root.put("timestamp", now.toString());
        ObjectNode data = root.putObject("data");
        data.putNull("id");
        data.put("event_type", "test");
        data.put("action", resolve ? "resolve" : "trigger");
        data.put("dedup_key", dedupKey);
        organization(data, channel.organizationId(), organizationName);
        channel(data, channel);
        for (String field : List.of("action_id", "agent_id", "action_type", "resource", "risk_score")) {
            data.putNull(field);
        }
        data.put("risk_level", RiskLevels.LOW);
        for (String field : List.of("policy_name", "user", "source_ip")) {
            data.putNull(field);
        }
        List<String> truncated = new ArrayList<>();
        data.put("summary", cut(summary, SUMMARY_MAX_CODE_POINTS, "summary", truncated));
        data.putNull("details");
        data.putNull("details_excerpt");
        data.putArray("links");
        ArrayNode cut = data.putArray("truncated");
        truncated.forEach(cut::add);
        return root;
    }

    /** The exact bytes sent and signed: compact JSON, UTF-8. */
    public static byte[] bytes(JsonNode payload) {
        return JSON.writeValueAsBytes(payload);
    }

    private static void organization(ObjectNode data, String id, String name) {
        ObjectNode organization = data.putObject("organization");
        organization.put("id", id);
        organization.put("name", name);
    }

    private static void channel(ObjectNode data, ChannelRef channel) {
        ObjectNode node = data.putObject("channel");
        node.put("id", channel == null ? null : channel.id());
        node.put("name", channel == null ? null : channel.name());
    }

    /**
     * The payload within {@link #MAX_BYTES}: details too large to fit are replaced by their JSON text cut
     * by code points (halved until it fits), and named in {@code truncated}. Everything else is bounded on
     * ingest (resource 1,000 characters, ids 255) and by the summary cut.
     */
    private static ObjectNode fitted(ObjectNode root) {
        if (bytes(root).length <= MAX_BYTES) {
            return root;
        }
        ObjectNode data = (ObjectNode) root.get("data");
        String details = data.get("details").isNull() ? "" : JSON.writeValueAsString(data.get("details"));
        data.putNull("details");
        ((ArrayNode) data.get("truncated")).add("details");
        int keep = details.codePointCount(0, details.length());
        while (true) {
            data.put("details_excerpt", cutCodePoints(details, Math.max(1, keep)));
            if (bytes(root).length <= MAX_BYTES || keep <= 1) {
                return root;
            }
            keep /= 2;
        }
    }

    private static String summaryOf(GovernanceEvent e) {
        if (e.type().action() == EventType.Action.CHANGE) {
            return Changes.sentence(e);
        }
        if (e.summary() != null && !e.summary().isBlank()) {
            return e.summary();
        }
        // No summary sent: a plain sentence from what the event has, for receivers that relay text (chat, mail).
        StringJoiner text = new StringJoiner(" ");
        text.add(e.type().wireName());
        if (e.actionType() != null) {
            text.add(e.actionType());
        }
        if (e.resource() != null) {
            text.add("on " + e.resource());
        }
        if (e.agentId() != null) {
            text.add("by " + e.agentId());
        }
        return text.toString();
    }

    private static String cut(String text, int max, String field, List<String> truncated) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        truncated.add(field);
        return cutCodePoints(text, max);
    }

    static String cutCodePoints(String text, int max) {
        return Truncation.toCodePoints(text, max);
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
