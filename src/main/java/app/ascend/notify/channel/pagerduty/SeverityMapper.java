package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ASCEND risk level → PagerDuty {@code payload.severity}.
 *
 * <p>PagerDuty accepts exactly {@code critical|error|warning|info}, lowercase: {@code Info} gets a 400
 * ([D2], [S4], FACTS.md §2). With dynamic notifications critical/error page with high urgency and
 * warning/info with low urgency ([S4]), which is what the product page's table describes.
 */
public final class SeverityMapper {

    public static final String CRITICAL = "critical";
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";
    /** The only severities PagerDuty accepts (case-sensitive, [S4]). */
    public static final Set<String> SEVERITIES = Set.of(CRITICAL, ERROR, WARNING, INFO);

    public static final String RISK_CRITICAL = "critical";
    public static final String RISK_HIGH = "high";
    public static final String RISK_MEDIUM = "medium";
    public static final String RISK_LOW = "low";
    public static final Set<String> RISK_LEVELS = Set.of(RISK_CRITICAL, RISK_HIGH, RISK_MEDIUM, RISK_LOW);

    /** The product page's default severity_mapping (also its table "Severity Mapping"). */
    public static final Map<String, String> DEFAULT_MAPPING = orderedMap(
            RISK_CRITICAL, CRITICAL, RISK_HIGH, ERROR, RISK_MEDIUM, WARNING, RISK_LOW, INFO);

    /**
     * The level an event has when it carries neither a risk level nor a score. Our own choice (the page
     * gives none): a block, a violation and a failed MFA are high because ASCEND stopped or caught
     * something; a failed login and an anomaly are medium because they are often noise on their own.
     * Follow-up types (approved, resolved, acknowledged) are never rendered with a severity.
     */
    private static final Map<EventType, String> DEFAULT_LEVEL_BY_TYPE = new EnumMap<>(Map.of(
            EventType.ACTION_BLOCKED, RISK_HIGH,
            EventType.POLICY_VIOLATION, RISK_HIGH,
            EventType.AUTH_FAILED, RISK_MEDIUM,
            EventType.AUTH_MFA_FAILED, RISK_HIGH,
            EventType.ANOMALY_DETECTED, RISK_MEDIUM));

    private SeverityMapper() {
    }

    /**
     * The event's risk level: its own {@code riskLevel} when it is one of the four; else derived from
     * {@code riskScore}; else the documented default of its type.
     */
    public static String riskLevelOf(GovernanceEvent event) {
        String level = normalized(event.riskLevel());
        if (level != null && RISK_LEVELS.contains(level)) {
            return level;
        }
        if (event.riskScore() != null) {
            return riskLevelOfScore(event.riskScore());
        }
        return DEFAULT_LEVEL_BY_TYPE.getOrDefault(event.type(), RISK_MEDIUM);
    }

    /**
     * The product page's bands: critical 90–100, high 70–89, medium 40–69, low 0–39. Scores outside
     * 0–100 are clamped into the nearest band rather than rejected: paging on a bad score beats losing it.
     */
    public static String riskLevelOfScore(int score) {
        if (score >= 90) {
            return RISK_CRITICAL;
        }
        if (score >= 70) {
            return RISK_HIGH;
        }
        if (score >= 40) {
            return RISK_MEDIUM;
        }
        return RISK_LOW;
    }

    /**
     * The PagerDuty severity for the event under a channel's {@code severity_mapping}. Mapped values are
     * trimmed and lowercased, since PagerDuty is case-sensitive ([S4]). A level the channel does not map,
     * or maps to something PagerDuty would still reject, falls back to {@link #DEFAULT_MAPPING}: sending
     * it would only earn a 400 and lose the alert.
     */
    public static String severityOf(GovernanceEvent event, Map<String, String> mapping) {
        String level = riskLevelOf(event);
        String mapped = mapping == null ? null : normalized(mapping.get(level));
        return mapped != null && SEVERITIES.contains(mapped) ? mapped : DEFAULT_MAPPING.get(level);
    }

    /** Whether PagerDuty accepts {@code severity} as is (exact, lowercase). */
    public static boolean isValidSeverity(String severity) {
        return severity != null && SEVERITIES.contains(severity);
    }

    private static String normalized(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
