package app.ascend.notify.channel.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

/** ServiceNow channel bodies as OpenAPI examples ({@code ChannelType.apiExamples()}): both ways to sign in. */
final class ServiceNowApiExamples {
    private ServiceNowApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "ServiceNow incident (basic auth)", """
                            {"name": "ServiceNow SecOps", "type": "servicenow",
                             "config": {"instance_url": "https://acme.service-now.com",
                                        "username": "ascend.integration", "password": "correct-horse-battery-staple",
                                        "assignment_group": "287ebd7da9fe198100f92cc8d1d2154e", "category": "security",
                                        "close_code": "Solution provided"},
                             "priority_mapping": {"critical": {"impact": "1", "urgency": "1"},
                                                  "high": {"impact": "1", "urgency": "2"}},
                             "events": ["action.blocked", "policy.violation", "action.approved", "action.resolved"]}""",
                    "ServiceNow incident (OAuth client credentials)", """
                            {"name": "ServiceNow (OAuth)", "type": "servicenow",
                             "config": {"instance_url": "https://acme.service-now.com",
                                        "client_id": "5a1f0c3b6e2d4f8a9b7c0d1e2f3a4b5c",
                                        "client_secret": "s3cr3t-from-the-application-registry",
                                        "resolve_state": "6", "close_code": "Solved (Permanently)"},
                             "events": ["action.blocked", "anomaly.detected", "action.approved"]}"""),
            "PATCH /api/notifications/channels/{id}", ordered(
                    "ServiceNow: rotate the password", """
                            {"config": {"password": "the-new-password"}}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            map.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return map;
    }
}
