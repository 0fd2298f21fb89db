package app.ascend.notify.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty's side of a v3 webhook subscription, for tests: builds deliveries in PagerDuty's shape
 * (https://developer.pagerduty.com/docs/webhooks-overview) and posts them signed as PagerDuty signs them
 * (https://developer.pagerduty.com/docs/verifying-signatures) to a channel's webhook route.
 */
public final class PagerDutyWebhooks {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PagerDutyWebhooks() {
    }

    /** The route of a channel's webhook URL. */
    public static String path(String channelId) {
        return "/api/webhooks/pagerduty/" + channelId;
    }

    /** A v3 incident event: {@code {"event": {...}}} with the incident in {@code data}; {@code agent} null for none. */
    public static ObjectNode incidentEvent(String eventType, String incidentKey, String status, String agent,
            Instant occurredAt) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode event = root.putObject("event");
        event.put("id", "01" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase());
        event.put("event_type", eventType);
        event.put("resource_type", "incident");
        event.put("occurred_at", occurredAt.toString());
        if (agent == null) {
            event.putNull("agent");
        } else {
            ObjectNode user = event.putObject("agent");
            user.put("html_url", "https://acme.pagerduty.com/users/PLH1HKV");
            user.put("id", "PLH1HKV");
            user.put("self", "https://api.pagerduty.com/users/PLH1HKV");
            user.put("summary", agent);
            user.put("type", "user_reference");
        }
        event.putNull("client");
        ObjectNode data = event.putObject("data");
        data.put("id", "Q" + Math.abs(incidentKey.hashCode()));
        data.put("type", "incident");
        data.put("self", "https://api.pagerduty.com/incidents/Q" + Math.abs(incidentKey.hashCode()));
        data.put("html_url", "https://acme.pagerduty.com/incidents/Q" + Math.abs(incidentKey.hashCode()));
        data.put("number", 2);
        data.put("status", status);
        data.put("incident_key", incidentKey);
        data.put("created_at", occurredAt.minusSeconds(60).toString());
        data.put("title", "An agent action was blocked");
        data.putArray("assignees").addObject().put("summary", agent == null ? "Nobody" : agent).put("type", "user_reference");
        data.put("urgency", "high");
        data.putNull("resolve_reason");
        return root;
    }

    /**
     * The delivery with the incident now assigned to {@code assignees} (as a reassignment or an escalation leaves
     * it), in place of the agent {@link #incidentEvent} assigns it to.
     */
    public static ObjectNode assignedTo(ObjectNode delivery, String... assignees) {
        var list = ((ObjectNode) delivery.get("event").get("data")).putArray("assignees");
        for (String assignee : assignees) {
            list.addObject().put("summary", assignee).put("type", "user_reference");
        }
        return delivery;
    }

    /** The header PagerDuty sends for this body and secret. */
    public static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code body} as PagerDuty would: signed with {@code secret}, with a delivery id. */
    public static ApiResponse post(ApiClient client, String channelId, String secret, String webhookId, String body) {
        return send(client, channelId, body, headers(webhookId, signature(secret, body)));
    }

    public static ApiResponse post(ApiClient client, String channelId, String secret, String webhookId, ObjectNode body) {
        return post(client, channelId, secret, webhookId, JSON.writeValueAsString(body));
    }

    /** Posts with exactly these headers (no signature unless given). */
    public static ApiResponse send(ApiClient client, String channelId, String body, Map<String, String> headers) {
        return client.send("POST", path(channelId), "application/json", body, headers);
    }

    public static Map<String, String> headers(String webhookId, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "PagerDuty-Webhook/V3.0");
        if (webhookId != null) {
            headers.put("X-Webhook-Id", webhookId);
        }
        headers.put("X-Webhook-Subscription", "PSUB123");
        if (signature != null) {
            headers.put("X-PagerDuty-Signature", signature);
        }
        return headers;
    }

    public static String newWebhookId() {
        return UUID.randomUUID().toString();
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }
}
