package app.ascend.notify.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * What the maintenance tests do over and over, over real HTTP: PagerDuty channels, windows, events
 * from an ASCEND engine (API key) and the decisions they got.
 */
record MaintenanceKit(Tenant tenant, ApiClient engine) {
    static final String WINDOWS = "/api/notifications/maintenance-windows";

    static MaintenanceKit of(Tenant tenant) {
        return new MaintenanceKit(tenant, new ApiClient(tenant.admin().baseUrl()).withApiKey(tenant.newApiKey()));
    }

    ApiClient admin() {
        return tenant.admin();
    }

    /** A PagerDuty channel sending to {@code routingKey}; {@code events} empty means every type. */
    String channel(String name, String routingKey, String... events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "pagerduty");
        body.put("config", Map.of("routing_key", routingKey));
        if (events.length > 0) {
            body.put("events", List.of(events));
        }
        ApiResponse created = admin().post("/api/notifications/channels", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    /** Creates a window; fails the test unless it answers 201. */
    JsonNode window(Map<String, Object> body) {
        ApiResponse created = admin().post(WINDOWS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** A one-off window from a minute ago to an hour from now, with more fields as given. */
    JsonNode activeWindow(String name, Object... moreFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("starts_at", minutesFromNow(-1));
        body.put("ends_at", minutesFromNow(60));
        for (int i = 0; i < moreFields.length; i += 2) {
            body.put((String) moreFields[i], moreFields[i + 1]);
        }
        return window(body);
    }

    /** Posts one event for {@code actionId}; answers the stored event's id. */
    String event(String type, String actionId, Object... moreFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("action_id", actionId);
        for (int i = 0; i < moreFields.length; i += 2) {
            body.put((String) moreFields[i], moreFields[i + 1]);
        }
        ApiResponse posted = engine.post("/api/events", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return posted.json().get("events").get(0).get("id").stringValue();
    }

    /** The event's decision on one channel, as GET /api/events/{id} explains it. */
    JsonNode decision(String eventId, String channelId) {
        ApiResponse explained = admin().get("/api/events/" + eventId);
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        for (JsonNode decision : explained.json().get("decisions")) {
            if (decision.get("channel_id").stringValue().equals(channelId)) {
                return decision;
            }
        }
        throw new AssertionError("no decision for channel " + channelId + " in " + explained.body());
    }

    /** How many deliveries the event caused, on any channel. */
    int deliveriesOf(String eventId) {
        ApiResponse list = admin().get("/api/notifications/deliveries?event_id=" + eventId);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("items").size();
    }

    static String newActionId() {
        return "act-" + UUID.randomUUID();
    }

    static String dedupKey(String actionId) {
        return "ascend-" + actionId;
    }

    static String minutesFromNow(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
