package app.ascend.notify.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The governance event types ASCEND sends. Each does one {@link Action} to the incident of its action,
 * which a channel type turns into its own request: risky things open (trigger) an incident, a
 * reviewer's approval or resolution closes it, an acknowledgement acknowledges it. Change types record a
 * change beside the incidents and touch none.
 */
public enum EventType {
    ACTION_BLOCKED("action.blocked", Action.TRIGGER),
    POLICY_VIOLATION("policy.violation", Action.TRIGGER),
    AUTH_FAILED("auth.failed", Action.TRIGGER),
    AUTH_MFA_FAILED("auth.mfa_failed", Action.TRIGGER),
    ANOMALY_DETECTED("anomaly.detected", Action.TRIGGER),
    ACTION_APPROVED("action.approved", Action.RESOLVE),
    ACTION_RESOLVED("action.resolved", Action.RESOLVE),
    ACTION_ACKNOWLEDGED("action.acknowledged", Action.ACKNOWLEDGE),
    POLICY_CHANGED("policy.changed", Action.CHANGE),
    AGENT_DEPLOYED("agent.deployed", Action.CHANGE),
    AGENT_PERMISSIONS_CHANGED("agent.permissions_changed", Action.CHANGE),

    // What a destination reported about an incident (an inbound webhook ASCEND applied): produced by ASCEND,
    // never posted to /api/events.
    INCIDENT_ACKNOWLEDGED("incident.acknowledged", Action.NOTICE),
    INCIDENT_UNACKNOWLEDGED("incident.unacknowledged", Action.NOTICE),
    INCIDENT_RESOLVED("incident.resolved", Action.NOTICE),
    INCIDENT_REOPENED("incident.reopened", Action.NOTICE),
    INCIDENT_UPDATED("incident.updated", Action.NOTICE);
    /**
     * What an event of this type does to the incident of its action. {@code CHANGE} records a change (a policy
     * created or changed, an agent deployed or its permissions widened): it opens, acknowledges and closes no
     * incident, has no dedup key of its own action, and is delivered once to each subscribed channel. {@code NOTICE}
     * reports what happened to an incident at its destination; it opens, acknowledges or closes nothing in ASCEND.
     */
    public enum Action { TRIGGER, ACKNOWLEDGE, RESOLVE, CHANGE, NOTICE }

    private final String wireName;
    private final Action action;

    EventType(String wireName, Action action) {
        this.wireName = wireName;
        this.action = action;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Action action() {
        return action;
    }

    /** Whether only ASCEND produces events of this type (a notice), so {@code POST /api/events} refuses it. */
    public boolean producedByAscend() {
        return action == Action.NOTICE;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The known wire names, in declaration order, for error messages and the console. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
