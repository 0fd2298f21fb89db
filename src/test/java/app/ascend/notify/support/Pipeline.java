package app.ascend.notify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One organization's end of the pipeline: a machine client posting events with its API key, and its
 * admin making channels and reading back decisions ("why was I (not) paged?") and deliveries.
 */
public final class Pipeline {
    private final Tenant tenant;
    private final ApiClient sender;

    public Pipeline(Tenant tenant, ApiClient sender) {
        this.tenant = tenant;
        this.sender = sender;
    }

    /** The tenant's pipeline, with a new API key for posting. */
    public static Pipeline of(Tenant tenant) {
        return new Pipeline(tenant, new ApiClient(tenant.admin().baseUrl()).withApiKey(tenant.newApiKey()));
    }

    public Tenant tenant() {
        return tenant;
    }

    public ApiClient admin() {
        return tenant.admin();
    }

    public ApiClient sender() {
        return sender;
    }

    public String organizationName() {
        return tenant.name();
    }

    /** Creates a channel (any body the channels API takes) and answers its id. */
    public String createChannel(Object body) {
        ApiResponse created = admin().post("/api/notifications/channels", body);
        assertThat(created.status()).as("creating a channel: %s", created).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    /** Posts one event or a batch, as is. */
    public ApiResponse post(Object body) {
        return sender.post("/api/events", body);
    }

    /** Posts one event, expects 202, answers its id. */
    public String postEvent(Object event) {
        return postBatch(event).get(0);
    }

    /** Posts a body, expects 202, answers the event ids in order. */
    public List<String> postBatch(Object body) {
        ApiResponse accepted = post(body);
        assertThat(accepted.status()).as("posting events: %s", accepted).isEqualTo(202);
        List<String> ids = new ArrayList<>();
        accepted.json().get("events").forEach(e -> ids.add(e.get("id").stringValue()));
        return ids;
    }

    /** {@code GET /api/events/{id}}: the event and every channel's decision with its deliveries. */
    public JsonNode explain(String eventId) {
        ApiResponse explained = admin().get("/api/events/" + eventId);
        assertThat(explained.status()).as("explaining %s: %s", eventId, explained).isEqualTo(200);
        return explained.json();
    }

    /** The decisions of one channel on one event (a follow-up may decide once per open incident). */
    public List<JsonNode> decisions(String eventId, String channelId) {
        List<JsonNode> found = new ArrayList<>();
        explain(eventId).get("decisions").forEach(d -> {
            if (channelId.equals(d.get("channel_id").stringValue())) {
                found.add(d);
            }
        });
        return found;
    }

    /** The single decision of one channel on one event. */
    public JsonNode decision(String eventId, String channelId) {
        List<JsonNode> found = decisions(eventId, channelId);
        assertThat(found).as("decisions of %s on %s", channelId, eventId).hasSize(1);
        return found.get(0);
    }

    /** {@code GET /api/notifications/deliveries?<query>}: one page, newest first. */
    public List<JsonNode> deliveries(String query) {
        ApiResponse page = admin().get("/api/notifications/deliveries?" + query);
        assertThat(page.status()).as("delivery log: %s", page).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    /** Every delivery matching {@code query}, all pages. */
    public List<JsonNode> allDeliveries(String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = admin().get("/api/notifications/deliveries?limit=200&" + query
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("delivery log: %s", page).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.stringValue();
        } while (cursor != null);
        return items;
    }

    /** The deliveries an event caused. */
    public List<JsonNode> deliveriesOf(String eventId) {
        return deliveries("event_id=" + eventId);
    }

    /** The single delivery an event caused. */
    public JsonNode deliveryOf(String eventId) {
        List<JsonNode> found = deliveriesOf(eventId);
        assertThat(found).as("deliveries of %s", eventId).hasSize(1);
        return found.get(0);
    }

    /** {@code GET /api/events?action_id=}: the action's events, newest first. */
    public List<JsonNode> eventsOfAction(String actionId) {
        ApiResponse page = admin().get("/api/events?action_id=" + actionId);
        assertThat(page.status()).as("events of %s: %s", actionId, page).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }
}
