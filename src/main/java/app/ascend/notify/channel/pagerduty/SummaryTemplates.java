package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.event.Changes;
import app.ascend.notify.event.GovernanceEvent;

/**
 * The {@code payload.summary} of an event: the event's own summary when given, else a sentence per
 * type. Templates leave out what is missing rather than print "null", and every result is cut to
 * PagerDuty's 1024-character limit ([D2]; counted in code points, FACTS.md §9 Alertmanager).
 */
public final class SummaryTemplates {

    private SummaryTemplates() {
    }

    public static String summaryOf(GovernanceEvent event) {
        String summary = hasText(event.summary()) ? event.summary() : template(event);
        return PagerDutyLimits.truncateSummary(summary);
    }

    private static String template(GovernanceEvent e) {
        return switch (e.type()) {
            // The product page's example: "High-risk action blocked: database_query on customer_database".
            case ACTION_BLOCKED -> withTarget(isHighRisk(e) ? "High-risk action blocked" : "Action blocked", e);
            case POLICY_VIOLATION -> policyViolation(e);
            case AUTH_FAILED -> authFailure("Authentication failed", e);
            case AUTH_MFA_FAILED -> authFailure("MFA verification failed", e);
            case ANOMALY_DETECTED -> anomaly(e);
            case ACTION_APPROVED -> withTarget("Action approved", e);
            case ACTION_RESOLVED -> withTarget("Action resolved", e);
            case ACTION_ACKNOWLEDGED -> withTarget("Action acknowledged", e);
            // Notices are never sent to PagerDuty (refused); a summary for completeness.
            case INCIDENT_ACKNOWLEDGED, INCIDENT_UNACKNOWLEDGED, INCIDENT_RESOLVED, INCIDENT_REOPENED, INCIDENT_UPDATED ->
                    withTarget("Incident " + e.type().wireName().substring("incident.".length()), e);
            // Change types: what changed, and who changed it.
            case POLICY_CHANGED, AGENT_DEPLOYED, AGENT_PERMISSIONS_CHANGED -> Changes.sentence(e);
        };
    }

    /** "Policy violation: {policy} by agent {agent} ({action_type} on {resource})". */
    private static String policyViolation(GovernanceEvent e) {
        StringBuilder s = new StringBuilder("Policy violation");
        if (hasText(e.policyName())) {
            s.append(": ").append(e.policyName());
        }
        if (hasText(e.agentId())) {
            s.append(" by agent ").append(e.agentId());
        }
        String target = target(e);
        if (!target.isEmpty()) {
            s.append(" (").append(target).append(')');
        }
        return s.toString();
    }

    /** "{what} for user {user} from {source_ip}". */
    private static String authFailure(String what, GovernanceEvent e) {
        StringBuilder s = new StringBuilder(what);
        if (hasText(e.user())) {
            s.append(" for user ").append(e.user());
        }
        if (hasText(e.sourceIp())) {
            s.append(" from ").append(e.sourceIp());
        }
        return s.toString();
    }

    /** "Anomaly detected for agent {agent}: {action_type} on {resource}". */
    private static String anomaly(GovernanceEvent e) {
        StringBuilder s = new StringBuilder("Anomaly detected");
        if (hasText(e.agentId())) {
            s.append(" for agent ").append(e.agentId());
        }
        String target = target(e);
        if (!target.isEmpty()) {
            s.append(": ").append(target);
        }
        return s.toString();
    }

    private static String withTarget(String what, GovernanceEvent e) {
        String target = target(e);
        return target.isEmpty() ? what : what + ": " + target;
    }

    /** "{action_type} on {resource}", or whichever half is known, or the action id, or "". */
    private static String target(GovernanceEvent e) {
        boolean type = hasText(e.actionType());
        boolean resource = hasText(e.resource());
        if (type && resource) {
            return e.actionType() + " on " + e.resource();
        }
        if (type) {
            return e.actionType();
        }
        if (resource) {
            return "action on " + e.resource();
        }
        return hasText(e.actionId()) ? e.actionId() : "";
    }

    private static boolean isHighRisk(GovernanceEvent e) {
        String level = SeverityMapper.riskLevelOf(e);
        return SeverityMapper.RISK_HIGH.equals(level) || SeverityMapper.RISK_CRITICAL.equals(level);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
