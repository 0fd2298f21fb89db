package app.ascend.notify.channel.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Slack channel bodies as OpenAPI examples ({@code ChannelType.apiExamples()}): both ways to connect. */
final class SlackApiExamples {
    private SlackApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "Slack incoming webhook", """
                            {"name": "Slack #governance", "type": "slack",
                             "config": {"webhook_url": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"},
                             "events": ["action.blocked", "policy.violation", "action.approved"],
                             "filters": {"min_risk_score": 0}}""",
                    "Slack bot (updates the alert on approval)", """
                            {"name": "Slack #security-alerts", "type": "slack",
                             "config": {"bot_token": "xoxb-0000000000-0000000000000-XXXXXXXXXXXXXXXXXXXXXXXX",
                                        "channel": "C0123456789",
                                        "runbook_links": {"action.blocked": "https://wiki.company.com/runbooks/blocked-action"}},
                             "events": ["action.blocked", "policy.violation", "anomaly.detected", "action.approved",
                                        "action.resolved"]}"""),
            "PATCH /api/notifications/channels/{id}", ordered(
                    "Slack: switch a webhook channel to a bot", """
                            {"config": {"webhook_url": null, "bot_token": "xoxb-0000000000-0000000000000-XXXXXXXXXXXXXXXXXXXXXXXX",
                                        "channel": "C0123456789"}}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            map.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return map;
    }
}
