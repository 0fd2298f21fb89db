package app.ascend.notify.channel.pagerduty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The product page's PagerDuty request bodies, verbatim, as OpenAPI examples ({@code ChannelType.apiExamples()}). */
final class PagerDutyApiExamples {
    private PagerDutyApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "PagerDuty Security", """
                            {"name": "PagerDuty Security", "type": "pagerduty",
                             "config": {"integration_key": "your-integration-key", "routing_key": "your-routing-key"},
                             "events": ["action.blocked", "policy.violation", "auth.failed", "anomaly.detected"],
                             "severity_mapping": {"critical": "critical", "high": "error", "medium": "warning", "low": "info"}}""",
                    "PagerDuty Critical Only", """
                            {"name": "PagerDuty Critical Only", "type": "pagerduty",
                             "config": {"integration_key": "critical-service-key"}, "filters": {"min_risk_score": 90}}""",
                    "PagerDuty with Runbooks", """
                            {"name": "PagerDuty with Runbooks", "type": "pagerduty",
                             "config": {"integration_key": "your-key", "runbook_links": {
                               "action.blocked": "https://wiki.company.com/runbooks/blocked-action",
                               "policy.violation": "https://wiki.company.com/runbooks/policy-violation"}}}"""),
            "PATCH /api/notifications/channels/{id}", ordered(
                    "Route by Event Type", """
                            {"config": {"routing_keys": {"security-on-call": "<32-character integration key>",
                                                         "governance-on-call": "<32-character integration key>"}},
                             "routing_rules": [
                               {"events": ["auth.failed", "auth.mfa_failed"], "routing_key": "security-on-call"},
                               {"events": ["action.blocked"], "routing_key": "governance-on-call"}]}"""),
            "POST /api/notifications/test", ordered(
                    "Send Test Alert", """
                            {"channel_id": "chan_pagerduty_123"}""",
                    "Preview a sample event", """
                            {"channel_id": "chan_pagerduty_123", "dry_run": true,
                             "event": {"type": "action.blocked", "action_id": "act_xyz789", "risk_score": 85}}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            map.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return map;
    }
}
