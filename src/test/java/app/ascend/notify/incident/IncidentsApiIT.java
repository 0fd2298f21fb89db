package app.ascend.notify.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/incidents} and the manual resolve; stale after 1 hour without events (own context). */
@TestPropertySource(properties = "ascend.incidents.stale-hours=1")
class IncidentsApiIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenIncidentIsListedWithItsKeyMaskedAndAManualResolveIsSentAfterItsTrigger() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        String channelId = channel(tenant, routingKey);
        String action = "act_" + UUID.randomUUID();
        String dedupKey = "ascend-" + action;

        // The trigger's first attempt fails: the resolve, queued meanwhile, must still wait for it.
        PAGERDUTY.failNext(1, 503);
        try {
            trigger(tenant, action);
            JsonNode incident = find(tenant.admin().get("/api/incidents"), dedupKey);

            assertThat(incident.get("id").stringValue()).startsWith("inc_");
            assertThat(incident.get("channel_id").stringValue()).isEqualTo(channelId);
            assertThat(incident.get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
            assertThat(incident.get("status").stringValue()).isEqualTo("open");
            assertThat(incident.get("action_id").stringValue()).isEqualTo(action);
            assertThat(incident.get("stale").booleanValue()).isFalse();
            assertThat(incident.get("opened_at").isNull()).isFalse();
            assertThat(incident.get("last_event_at").isNull()).isFalse();
            assertThat(incident.get("resolved_at").isNull()).isTrue();
            assertThat(tenant.admin().get("/api/incidents").body()).doesNotContain(routingKey);

            ApiResponse resolved = tenant.admin().post("/api/incidents/" + incident.get("id").stringValue() + "/resolve",
                    Map.of());

            assertThat(resolved.status()).as(resolved.body()).isEqualTo(202);
            assertThat(resolved.json().get("status").stringValue()).isEqualTo("resolved");
            assertThat(resolved.json().get("delivery_id").stringValue()).startsWith("dlv_");
            await().atMost(Duration.ofSeconds(30)).until(() -> PAGERDUTY.eventsFor(dedupKey).size() == 2);
        } finally {
            PAGERDUTY.clearFaults();
        }
        assertThat(actions(PAGERDUTY.eventsFor(dedupKey))).containsExactly("trigger", "resolve");
        assertThat(PAGERDUTY.openIncident(routingKey, dedupKey)).isEmpty();
        assertThat(ids(tenant.admin().get("/api/incidents"))).doesNotContain(dedupKey);
        JsonNode closed = find(tenant.admin().get("/api/incidents?status=resolved"), dedupKey);
        assertThat(closed.get("status").stringValue()).isEqualTo("resolved");
        assertThat(closed.get("resolved_at").isNull()).isFalse();
        assertThat(tenant.admin().get("/api/audit-log").body()).contains("incident.resolved");
    }

    @Test
    void resolvingTwiceIsAConflict() {
        Tenant tenant = newTenant();
        channel(tenant, newRoutingKey());
        String action = "act_" + UUID.randomUUID();
        trigger(tenant, action);
        String id = find(tenant.admin().get("/api/incidents"), "ascend-" + action).get("id").stringValue();

        assertThat(tenant.admin().post("/api/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(202);
        ApiResponse again = tenant.admin().post("/api/incidents/" + id + "/resolve", Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body()).contains("already resolved");
    }

    @Test
    void anotherOrganizationSeesNothingAndAViewerMayOnlyRead() {
        Tenant tenant = newTenant();
        channel(tenant, newRoutingKey());
        String action = "act_" + UUID.randomUUID();
        trigger(tenant, action);
        String id = find(tenant.admin().get("/api/incidents"), "ascend-" + action).get("id").stringValue();
        Tenant other = newTenant();
        ApiClient viewer = tenant.newUser("viewer");

        assertThat(other.admin().post("/api/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(404);
        assertThat(ids(other.admin().get("/api/incidents"))).isEmpty();
        assertThat(viewer.get("/api/incidents").status()).isEqualTo(200);
        assertThat(viewer.post("/api/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/incidents").status()).isEqualTo(401);
        assertThat(find(tenant.admin().get("/api/incidents"), "ascend-" + action).get("status").stringValue())
                .isEqualTo("open");
    }

    @Test
    void anOpenIncidentWithoutEventsForTheStaleHoursIsListedAsStale() {
        Tenant tenant = newTenant();
        channel(tenant, newRoutingKey());
        String quiet = "act_" + UUID.randomUUID();
        String busy = "act_" + UUID.randomUUID();
        trigger(tenant, quiet);
        trigger(tenant, busy);
        jdbc.sql("update incidents set last_event_at = ? where org_id = ? and dedup_key = ?")
                .params(SqlTime.of(Instant.now().minus(Duration.ofMinutes(61))), tenant.organizationId(), "ascend-" + quiet)
                .update();

        assertThat(find(tenant.admin().get("/api/incidents"), "ascend-" + quiet).get("stale").booleanValue()).isTrue();
        assertThat(find(tenant.admin().get("/api/incidents"), "ascend-" + busy).get("stale").booleanValue()).isFalse();
        assertThat(ids(tenant.admin().get("/api/incidents?stale=true"))).containsExactly("ascend-" + quiet);
        assertThat(ids(tenant.admin().get("/api/incidents?stale=false"))).containsExactly("ascend-" + busy);
        assertThat(ids(tenant.admin().get("/api/incidents?status=resolved&stale=true"))).isEmpty();
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        ApiResponse answer = newTenant().admin().get("/api/incidents?status=closed&stale=maybe");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("status", "stale");
    }

    private String channel(Tenant tenant, String routingKey) {
        ApiResponse created = tenant.admin().post("/api/notifications/channels",
                Map.of("name", "Incidents", "type", "pagerduty", "config", Map.of("routing_key", routingKey)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private void trigger(Tenant tenant, String action) {
        ApiResponse posted = anonymous().withApiKey(tenant.newApiKey())
                .post("/api/events", Map.of("type", "action.blocked", "action_id", action, "risk_score", 95));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    private static JsonNode find(ApiResponse list, String dedupKey) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode item : list.json().get("items")) {
            if (item.get("dedup_key").stringValue().equals(dedupKey)) {
                return item;
            }
        }
        throw new AssertionError(dedupKey + " is not listed: " + list.body());
    }

    /** The dedup keys listed. */
    private static List<String> ids(ApiResponse list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        list.json().get("items").forEach(item -> keys.add(item.get("dedup_key").stringValue()));
        return keys;
    }

    private static List<String> actions(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.json().get("event_action").stringValue()).toList();
    }
}
