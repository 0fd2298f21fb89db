package app.ascend.notify.event;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Builds {@link GovernanceEvent}s for tests; starts from the product page's example event. */
public final class TestEvents {

    public static final Instant OCCURRED_AT = Instant.parse("2026-03-14T09:26:53.589Z");

    private String id = "evt_page01";
    private String organizationId = "org_acme";
    private EventType type = EventType.POLICY_VIOLATION;
    private Instant occurredAt = OCCURRED_AT;
    private String actionId = "act_xyz789";
    private String agentId = "customer-service-agent";
    private String actionType = "database_query";
    private String resource = "customer_database";
    private Integer riskScore = 85;
    private String riskLevel = "critical";
    private String policyName = "Data Protection Policy";
    private String user;
    private String sourceIp;
    private String summary = "High-risk action blocked: database_query on customer_database";
    private String dedupKey;
    private ObjectNode details;

    private TestEvents() {
    }

    /** The event behind the product page's Trigger Event JSON. */
    public static TestEvents pageExample() {
        return new TestEvents();
    }

    /** Only what every event has: id, type, time. */
    public static TestEvents bare(EventType type) {
        return new TestEvents().type(type).actionId(null).agentId(null).actionType(null).resource(null)
                .riskScore(null).riskLevel(null).policyName(null).summary(null).organizationId(null);
    }

    public TestEvents id(String v) { id = v; return this; }
    public TestEvents organizationId(String v) { organizationId = v; return this; }
    public TestEvents type(EventType v) { type = v; return this; }
    public TestEvents occurredAt(Instant v) { occurredAt = v; return this; }
    public TestEvents actionId(String v) { actionId = v; return this; }
    public TestEvents agentId(String v) { agentId = v; return this; }
    public TestEvents actionType(String v) { actionType = v; return this; }
    public TestEvents resource(String v) { resource = v; return this; }
    public TestEvents riskScore(Integer v) { riskScore = v; return this; }
    public TestEvents riskLevel(String v) { riskLevel = v; return this; }
    public TestEvents policyName(String v) { policyName = v; return this; }
    public TestEvents user(String v) { user = v; return this; }
    public TestEvents sourceIp(String v) { sourceIp = v; return this; }
    public TestEvents summary(String v) { summary = v; return this; }
    public TestEvents dedupKey(String v) { dedupKey = v; return this; }
    public TestEvents details(ObjectNode v) { details = v; return this; }

    public GovernanceEvent build() {
        return new GovernanceEvent(id, organizationId, type, occurredAt, actionId, agentId, actionType, resource,
                riskScore, riskLevel, policyName, user, sourceIp, summary, dedupKey, details);
    }
}
