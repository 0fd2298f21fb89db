package app.ascend.notify.event;

/**
 * Words for the change types ({@link EventType.Action#CHANGE}), shared by every channel type so a change reads
 * the same everywhere: a title ("Policy changed") and a sentence ("Policy changed: Data Protection Policy by
 * alice@acme.com"). A change is information beside the incidents, never an alert: no channel says "opened".
 */
public final class Changes {

    private Changes() {
    }

    /** "Policy changed", "Agent deployed", "Agent permissions widened"; null for a type that is not a change. */
    public static String title(EventType type) {
        return switch (type) {
            case POLICY_CHANGED -> "Policy changed";
            case AGENT_DEPLOYED -> "Agent deployed";
            case AGENT_PERMISSIONS_CHANGED -> "Agent permissions widened";
            default -> null;
        };
    }

    /** The field naming what changed: {@code policy_name} for {@code policy.changed}, else {@code agent_id}. */
    public static String subjectField(EventType type) {
        return type == EventType.POLICY_CHANGED ? "policy_name" : "agent_id";
    }

    /** What changed: the policy's name for a policy, the agent's id for an agent (null when not given). */
    public static String subject(GovernanceEvent e) {
        return e.type() == EventType.POLICY_CHANGED ? e.policyName() : e.agentId();
    }

    /** The event's own summary when given, else "{title}: {policy or agent} by {user}", leaving out what is missing. */
    public static String sentence(GovernanceEvent e) {
        if (hasText(e.summary())) {
            return e.summary();
        }
        StringBuilder s = new StringBuilder(title(e.type()) == null ? e.type().wireName() : title(e.type()));
        String subject = subject(e);
        if (hasText(subject)) {
            s.append(": ").append(subject);
        }
        if (hasText(e.user())) {
            s.append(" by ").append(e.user());
        }
        return s.toString();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
