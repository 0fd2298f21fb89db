package app.ascend.notify.support;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Governance event bodies as a sender posts them to {@code POST /api/events}. */
public final class Events {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    /** An action id no other test uses, so its dedup key {@code ascend-<id>} is this test's alone. */
    public static String newActionId() {
        return "act_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** A trigger type for an action, with a risk score. */
    public static ObjectNode trigger(String type, String actionId, int riskScore) {
        return event(type).put("action_id", actionId).put("risk_score", riskScore);
    }

    /** The reviewer's approval of an action: resolves its incident. */
    public static ObjectNode approval(String actionId) {
        return event("action.approved").put("action_id", actionId);
    }

    /** The event behind the product page's "Trigger Event" JSON. */
    public static ObjectNode pageExample(String actionId) {
        return event("policy.violation")
                .put("action_id", actionId)
                .put("agent_id", "customer-service-agent")
                .put("action_type", "database_query")
                .put("resource", "customer_database")
                .put("risk_score", 85)
                .put("risk_level", "critical")
                .put("policy_name", "Data Protection Policy")
                .put("summary", "High-risk action blocked: database_query on customer_database");
    }

    public static ArrayNode batch(ObjectNode... events) {
        ArrayNode batch = JSON.createArrayNode();
        for (ObjectNode event : events) {
            batch.add(event);
        }
        return batch;
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
