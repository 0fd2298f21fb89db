package app.ascend.notify.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/event-types}: the page's eight governance event types, then the change types, in order, each with
 * what it does to an incident and what ingest requires and refuses for it, then the notices ASCEND produces (what a
 * destination reported about an incident).
 */
class EventTypesCatalogIT extends ApiTest {

    @Test
    void listsTheEventTypesWithTheirActionToAnyReader() {
        ApiClient viewer = newTenant().newUser("viewer");

        ApiResponse answer = viewer.get("/api/event-types");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        Map<String, String> actions = new LinkedHashMap<>();
        for (JsonNode type : answer.json().get("event_types")) {
            actions.put(type.get("type").stringValue(), type.get("action").stringValue());
        }
        assertThat(actions).containsExactly(
                Map.entry("action.blocked", "trigger"),
                Map.entry("policy.violation", "trigger"),
                Map.entry("auth.failed", "trigger"),
                Map.entry("auth.mfa_failed", "trigger"),
                Map.entry("anomaly.detected", "trigger"),
                Map.entry("action.approved", "resolve"),
                Map.entry("action.resolved", "resolve"),
                Map.entry("action.acknowledged", "acknowledge"),
                Map.entry("policy.changed", "change"),
                Map.entry("agent.deployed", "change"),
                Map.entry("agent.permissions_changed", "change"),
                Map.entry("incident.acknowledged", "notice"),
                Map.entry("incident.unacknowledged", "notice"),
                Map.entry("incident.resolved", "notice"),
                Map.entry("incident.reopened", "notice"),
                Map.entry("incident.updated", "notice"));
        // The page's curl lines use the /api/api/... alias for every route.
        assertThat(viewer.get("/api/api/event-types").json()).isEqualTo(answer.json());
    }

    @Test
    void aChangeTypeSaysWhatIngestRequiresAndRefuses() {
        JsonNode types = newTenant().newUser("viewer").get("/api/event-types").json().get("event_types");
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        types.forEach(type -> byType.put(type.get("type").stringValue(), type));

        JsonNode policy = byType.get("policy.changed");
        assertThat(policy.get("description").stringValue()).contains("opens, acknowledges and closes no incident");
        assertThat(policy.get("requires").get(0).stringValue()).isEqualTo("policy_name or summary");
        assertThat(policy.get("refuses").get(0).stringValue()).isEqualTo("dedup_key");
        assertThat(byType.get("agent.deployed").get("requires").get(0).stringValue()).isEqualTo("agent_id or summary");
        assertThat(byType.get("action.approved").get("requires").get(0).stringValue()).isEqualTo("action_id or dedup_key");
        assertThat(byType.get("action.blocked").get("requires")).isEmpty();
    }

    @Test
    void refusesAnAnonymousCaller() {
        ApiResponse answer = anonymous().get("/api/event-types");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }
}
