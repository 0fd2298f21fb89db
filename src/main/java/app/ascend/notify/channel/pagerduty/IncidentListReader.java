package app.ascend.notify.channel.pagerduty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import app.ascend.notify.channel.spi.RemoteIncident;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one page of PagerDuty's {@code GET /incidents} answer ({@code {"incidents": [...], "limit", "offset",
 * "more"}}, https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents): each incident's
 * {@code id}, {@code status} ({@code triggered}, {@code acknowledged} or {@code resolved}), {@code html_url},
 * {@code created_at}, {@code last_status_change_at} and {@code last_status_change_by.summary}. An incident whose
 * {@code incident_key} is another key is skipped; one without a key is kept, since PagerDuty matched it by its
 * alerts' {@code alert_key} (its spec: incidents with child alerts have no incident key; <b>unconfirmed</b>
 * whether an Events API v2 incident shows the key or null).
 */
final class IncidentListReader {
    private final JsonMapper json = JsonMapper.builder().build();

    /** One incident read, with when it was created (the newest of a key is the one open now). */
    record Read(RemoteIncident incident, Instant createdAt) {
    }

    /** The page's incidents and whether more follow; or why it could not be read. */
    record PageRead(List<Read> incidents, boolean more, String error) {
    }

    PageRead read(String body, String incidentKey) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return new PageRead(List.of(), false, "PagerDuty's REST API answered something that is not JSON");
        }
        if (root == null || !root.path("incidents").isArray()) {
            return new PageRead(List.of(), false, "PagerDuty's REST API answer has no incidents list");
        }
        List<Read> incidents = new ArrayList<>();
        for (JsonNode node : root.get("incidents")) {
            String key = text(node, "incident_key");
            if (key != null && !key.equals(incidentKey)) {
                continue;
            }
            RemoteIncident.State state = state(text(node, "status"));
            if (state == null) {
                continue; // a status this reader does not know: say nothing rather than guess
            }
            JsonNode by = node.path("last_status_change_by");
            incidents.add(new Read(new RemoteIncident(text(node, "id"), state, text(node, "status"),
                    by.isObject() ? text(by, "summary") : null, time(node, "last_status_change_at"),
                    text(node, "html_url")), time(node, "created_at")));
        }
        return new PageRead(incidents, root.path("more").asBoolean(false), null);
    }

    private static RemoteIncident.State state(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "triggered" -> RemoteIncident.State.OPEN;
            case "acknowledged" -> RemoteIncident.State.ACKNOWLEDGED;
            case "resolved" -> RemoteIncident.State.RESOLVED;
            default -> null;
        };
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
