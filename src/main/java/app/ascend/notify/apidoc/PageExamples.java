package app.ascend.notify.apidoc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The product page's request bodies that belong to no channel type, verbatim, as OpenAPI examples. */
final class PageExamples {
    private PageExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/events", ordered(
                    "The page's example", """
                            {"type": "policy.violation", "id": "engine-evt-1", "action_id": "act_xyz789",
                             "agent_id": "customer-service-agent", "action_type": "database_query",
                             "resource": "customer_database", "risk_score": 85, "risk_level": "critical",
                             "policy_name": "Data Protection Policy",
                             "summary": "High-risk action blocked: database_query on customer_database"}""",
                    "Approval (resolves)", """
                            {"type": "action.approved", "action_id": "act_xyz789"}""",
                    "A policy changed (a change: opens no incident)", """
                            {"type": "policy.changed", "id": "engine-evt-2", "policy_name": "Data Protection Policy",
                             "user": "alice@acme.example",
                             "summary": "Data Protection Policy: customer_database added to blocked resources",
                             "details": {"version": 7, "previous_version": 6}}""",
                    "An agent deployed (a change)", """
                            {"type": "agent.deployed", "agent_id": "customer-service-agent", "user": "ci@acme.example",
                             "details": {"version": "2.4.0"}}"""),
            "POST /api/auth/login", ordered(
                    "Sign in", """
                            {"email": "admin@acme.example", "password": "correct-horse-battery"}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            map.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return map;
    }
}
