package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code payload.custom_details}: the product page's eight keys, in the page's order, with null values
 * left out; PagerDuty shows them as the alert's details ([D2]; free-form, but counted toward 512 KB).
 */
final class CustomDetails {

    static final String ACTION_ID = "action_id";
    static final String AGENT_ID = "agent_id";
    static final String ACTION_TYPE = "action_type";
    static final String RESOURCE = "resource";
    static final String RISK_SCORE = "risk_score";
    static final String RISK_LEVEL = "risk_level";
    static final String POLICY_NAME = "policy_name";
    static final String ORGANIZATION = "organization";
    /** The event's free-form details object, after the page's eight keys. */
    static final String DETAILS = "details";
    /** Why details were removed to fit PagerDuty's size limit (see {@link PagerDutyEventCodec}). */
    static final String DETAILS_TRUNCATED = "details_truncated";

    private CustomDetails() {
    }

    /**
     * With include_metadata: the page's eight keys plus {@code details}. Without: only {@code action_id}
     * and {@code risk_level}, enough to find the action and to see why it paged.
     */
    static ObjectNode of(GovernanceEvent e, String organization, boolean includeMetadata) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String riskLevel = SeverityMapper.riskLevelOf(e);
        if (!includeMetadata) {
            putIfPresent(node, ACTION_ID, e.actionId());
            putIfPresent(node, RISK_LEVEL, riskLevel);
            return node;
        }
        putIfPresent(node, ACTION_ID, e.actionId());
        putIfPresent(node, AGENT_ID, e.agentId());
        putIfPresent(node, ACTION_TYPE, e.actionType());
        putIfPresent(node, RESOURCE, e.resource());
        if (e.riskScore() != null) {
            node.put(RISK_SCORE, e.riskScore().intValue());
        }
        putIfPresent(node, RISK_LEVEL, riskLevel);
        putIfPresent(node, POLICY_NAME, e.policyName());
        putIfPresent(node, ORGANIZATION, organization);
        if (e.details() != null) {
            node.set(DETAILS, e.details().deepCopy());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }
}
