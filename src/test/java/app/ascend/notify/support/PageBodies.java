package app.ascend.notify.support;

/** The product page's request bodies, verbatim (pagerduty-integration.txt). */
public final class PageBodies {
    private PageBodies() {
    }

    public static final String SECURITY_CHANNEL = """
            {
            "name": "PagerDuty Security",
            "type": "pagerduty",
            "config": {
            "integration_key": "your-integration-key",
            "routing_key": "your-routing-key"
            },
            "events": [
            "action.blocked",
            "policy.violation",
            "auth.failed",
            "anomaly.detected"
            ],
            "severity_mapping": {
            "critical": "critical",
            "high": "error",
            "medium": "warning",
            "low": "info"
            }
            }""";

    public static final String CRITICAL_ONLY_CHANNEL = """
            {
            "name": "PagerDuty Critical Only",
            "type": "pagerduty",
            "config": {
            "integration_key": "critical-service-key"
            },
            "filters": {
            "min_risk_score": 90
            }
            }""";

    public static final String RUNBOOKS_CHANNEL = """
            {
            "name": "PagerDuty with Runbooks",
            "type": "pagerduty",
            "config": {
            "integration_key": "your-key",
            "runbook_links": {
            "action.blocked": "https://wiki.company.com/runbooks/blocked-action",
            "policy.violation": "https://wiki.company.com/runbooks/policy-violation"
            }
            }
            }""";

    /** The page's "Route by Event Type" fragment. */
    public static final String ROUTING_RULES = """
            {
            "routing_rules": [
            {
            "events": ["auth.failed", "auth.mfa_failed"],
            "routing_key": "security-on-call"
            },
            {
            "events": ["action.blocked"],
            "routing_key": "governance-on-call"
            }
            ]
            }""";

    public static final String TEST_ALERT = """
            {
            "channel_id": "chan_pagerduty_123"
            }""";
}
