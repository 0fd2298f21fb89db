package app.ascend.notify.channel.teams;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the OpenAPI description ({@code ChannelType.apiExamples()}). */
final class TeamsApiExamples {
    private TeamsApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "Teams for lower-severity alerts", """
                            {"name": "Teams lower-severity alerts", "type": "teams",
                             "config": {"webhook_url": "https://prod-00.westus.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=your-signature"},
                             "filters": {"min_risk_score": 0, "max_risk_score": 69}}""",
                    "Teams with Runbooks", """
                            {"name": "Teams with Runbooks", "type": "teams",
                             "config": {"webhook_url": "https://prod-00.westus.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=your-signature",
                                        "runbook_links": {"policy.violation": "https://wiki.company.com/runbooks/policy-violation"}},
                             "events": ["policy.violation", "anomaly.detected", "action.approved", "action.resolved"]}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            examples.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return examples;
    }
}
