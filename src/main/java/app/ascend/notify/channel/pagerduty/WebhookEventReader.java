package app.ascend.notify.channel.pagerduty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.InboundDelivery;
import app.ascend.notify.channel.spi.InboundWebhooks.InboundRead;
import app.ascend.notify.channel.spi.RemoteChange;
import app.ascend.notify.web.JsonFields;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified PagerDuty v3 webhook delivery (https://developer.pagerduty.com/docs/webhooks-overview):
 * one event per delivery, {@code {"event": {id, event_type, resource_type, occurred_at, agent, client, data}}},
 * the delivery's id in {@code X-Webhook-Id} (the same on every retry,
 * https://developer.pagerduty.com/docs/webhooks-behavior). Replays are refused by the event's own
 * {@code event.id}, not by that header: the signature covers the body only, so a captured delivery sent
 * again under a new {@code X-Webhook-Id} would otherwise pass as new. A retry repeats both. Incident
 * events carry the incident in {@code data} ({@code data.type} "incident"), whose {@code incident_key} is
 * the dedup key we sent it under; the others about an incident (a note, a responder) name it in
 * {@code data.incident}.
 */
final class WebhookEventReader {
    static final String DELIVERY_HEADER = "x-webhook-id";
    private static final int MAX_ID = 200;
    private static final int MAX_EVENT_TYPE = 200;
    private static final int NOTE_MAX = 300;

    /** What each understood incident event does; other {@code incident.*} types are kept, not understood. */
    private static final Map<String, RemoteChange.Kind> KINDS = Map.ofEntries(
            Map.entry("incident.acknowledged", RemoteChange.Kind.ACKNOWLEDGED),
            Map.entry("incident.unacknowledged", RemoteChange.Kind.UNACKNOWLEDGED),
            Map.entry("incident.resolved", RemoteChange.Kind.RESOLVED),
            Map.entry("incident.reopened", RemoteChange.Kind.REOPENED),
            Map.entry("incident.triggered", RemoteChange.Kind.UPDATED),
            Map.entry("incident.reassigned", RemoteChange.Kind.UPDATED),
            Map.entry("incident.escalated", RemoteChange.Kind.UPDATED),
            Map.entry("incident.delegated", RemoteChange.Kind.UPDATED),
            Map.entry("incident.priority_updated", RemoteChange.Kind.UPDATED),
            Map.entry("incident.annotated", RemoteChange.Kind.UPDATED));
    /** Events whose note is the new assignees. */
    private static final Set<String> ASSIGNING = Set.of("incident.triggered", "incident.reassigned",
            "incident.escalated", "incident.delegated");

    private final JsonMapper json = JsonMapper.builder().build();

    InboundRead read(Map<String, List<String>> headers, byte[] rawBody) {
        Map<String, String> errors = new LinkedHashMap<>();
        String deliveryId = first(headers, DELIVERY_HEADER);
        if (deliveryId == null || deliveryId.isBlank()) {
            errors.put("X-Webhook-Id", "header is required: PagerDuty sends the delivery's id in it");
        } else if (deliveryId.length() > MAX_ID) {
            errors.put("X-Webhook-Id", "header is longer than " + MAX_ID + " characters");
        }
        JsonNode root;
        try {
            root = json.readTree(rawBody);
        } catch (JacksonException e) {
            errors.put("body", "is not JSON: " + e.getOriginalMessage());
            return InboundRead.invalid(errors);
        }
        JsonNode event = root == null ? null : root.get("event");
        if (event == null || !event.isObject()) {
            errors.put("event", "is required: a v3 webhook body is {\"event\": {...}}");
            return InboundRead.invalid(errors);
        }
        String eventId = text(event, "id");
        if (eventId == null || eventId.isBlank()) {
            errors.put("event.id", "is required (a string): PagerDuty gives every event one, and a delivery is "
                    + "recognised again by it");
        } else if (eventId.length() > MAX_ID) {
            errors.put("event.id", "is longer than " + MAX_ID + " characters");
        } else if (hasNul(eventId)) {
            // Ids and keys with NUL are refused, not altered: they find the incident and recognise the delivery
            // again, PagerDuty never sends one, and PostgreSQL cannot hold or compare it.
            errors.put("event.id", JsonFields.NO_NUL);
        }
        String eventType = text(event, "event_type");
        if (eventType == null || eventType.isBlank()) {
            errors.put("event.event_type", "is required (a string such as incident.acknowledged)");
        } else if (eventType.length() > MAX_EVENT_TYPE) {
            errors.put("event.event_type", "is longer than " + MAX_EVENT_TYPE + " characters");
        } else if (hasNul(eventType)) {
            errors.put("event.event_type", JsonFields.NO_NUL);
        }
        Instant occurredAt = instant(event, "occurred_at", errors);
        JsonNode data = event.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            errors.put("event.data", "must be an object");
        }
        boolean incidentData = data != null && data.isObject() && "incident".equals(text(data, "type"));
        String incidentKey = null;
        if (incidentData) {
            incidentKey = text(data, "incident_key");
            if (incidentKey != null && (incidentKey.isEmpty() || incidentKey.length() > 255)) {
                errors.put("event.data.incident_key", "must be 1 to 255 characters");
            } else if (hasNul(incidentKey)) {
                errors.put("event.data.incident_key", JsonFields.NO_NUL);
            }
            if (data.has("incident_key") && !data.get("incident_key").isNull() && !data.get("incident_key").isString()) {
                errors.put("event.data.incident_key", "must be a string");
            }
        }
        if (!errors.isEmpty()) {
            return InboundRead.invalid(errors);
        }
        String remoteId = incidentData ? text(data, "id")
                : data != null && data.isObject() && data.path("incident").isObject() ? text(data.get("incident"), "id") : null;
        RemoteChange.Kind kind = eventType.startsWith("incident.")
                ? KINDS.getOrDefault(eventType, RemoteChange.Kind.NOT_UNDERSTOOD) : RemoteChange.Kind.NOT_UNDERSTOOD;
        String status = incidentData ? text(data, "status") : null;
        String url = incidentData ? text(data, "html_url")
                : data != null && data.path("incident").isObject() ? text(data.get("incident"), "html_url") : null;
        JsonNode agent = event.get("agent");
        String actor = agent != null && agent.isObject() ? text(agent, "summary") : null;
        RemoteChange change = new RemoteChange(kind, status, actor, note(eventType, data), url);
        // The signed id, so that only a delivery PagerDuty made can be new (the header is not signed).
        return InboundRead.of(new InboundDelivery(eventId.trim(), eventType, occurredAt, incidentKey,
                remoteId == null || remoteId.length() > 100 || hasNul(remoteId) ? null : remoteId, change));
    }

    /** The note of an annotation, the assignees of an assignment, the message of a ping; else null. */
    private static String note(String eventType, JsonNode data) {
        if (data == null || !data.isObject()) {
            return null;
        }
        if ("incident.annotated".equals(eventType)) {
            return cut(text(data, "content"));
        }
        if ("pagey.ping".equals(eventType)) {
            return cut(text(data, "message"));
        }
        if (ASSIGNING.contains(eventType) && data.path("assignees").isArray() && !data.get("assignees").isEmpty()) {
            StringJoiner names = new StringJoiner(", ", "assigned to ", "");
            data.get("assignees").forEach(a -> names.add(a.isObject() && text(a, "summary") != null ? text(a, "summary") : "?"));
            return cut(names.toString());
        }
        return null;
    }

    private static Instant instant(JsonNode event, String field, Map<String, String> errors) {
        String value = text(event, field);
        if (value == null) {
            errors.put("event." + field, "is required (an ISO 8601 time such as 2026-12-06T16:02:07.000Z)");
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("event." + field, "is not an ISO 8601 time with an offset: " + cut(value));
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String cut(String text) {
        if (text == null || text.length() <= NOTE_MAX) {
            return text;
        }
        int end = NOTE_MAX;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
