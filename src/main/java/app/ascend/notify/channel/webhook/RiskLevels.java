package app.ascend.notify.channel.webhook;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;

/**
 * An event's risk level as the product page bands it (critical 90–100, high 70–89, medium 40–69, low
 * 0–39): its own level if it gave one, else from its score, else its type's default (a follow-up has
 * none). Every channel type that shows a level applies these bands; kept here because a channel package
 * imports no other channel package (a candidate for the shared event model).
 */
final class RiskLevels {
    static final String CRITICAL = "critical";
    static final String HIGH = "high";
    static final String MEDIUM = "medium";
    static final String LOW = "low";
    private static final Set<String> LEVELS = Set.of(CRITICAL, HIGH, MEDIUM, LOW);
    private static final Map<EventType, String> DEFAULT_BY_TYPE = new EnumMap<>(Map.of(
            EventType.ACTION_BLOCKED, HIGH,
            EventType.POLICY_VIOLATION, HIGH,
            EventType.AUTH_FAILED, MEDIUM,
            EventType.AUTH_MFA_FAILED, HIGH,
            EventType.ANOMALY_DETECTED, MEDIUM));

    private RiskLevels() {
    }

    static String of(GovernanceEvent event) {
        String level = event.riskLevel() == null ? null : event.riskLevel().trim().toLowerCase(Locale.ROOT);
        if (level != null && LEVELS.contains(level)) {
            return level;
        }
        if (event.riskScore() != null) {
            int score = event.riskScore();
            return score >= 90 ? CRITICAL : score >= 70 ? HIGH : score >= 40 ? MEDIUM : LOW;
        }
        return DEFAULT_BY_TYPE.get(event.type()); // a follow-up without a level or score has none

    }

    /** The wait order when a URL's rate budget is spent: critical first (0), low last (3). */
    static int priority(String level) {
        if (level == null) {
            return 3;
        }
        return switch (level) {
            case CRITICAL -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            default -> 3;
        };
    }
}
