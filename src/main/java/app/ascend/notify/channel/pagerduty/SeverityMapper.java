package app.ascend.notify.channel.pagerduty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;

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

    private SeverityMapper() {
    }

    /**
     * The event's risk level ({@link RiskLevel#of}: its own, else its score's band, else its type's
     * default); medium for a follow-up that carries none (it is never rendered with a severity).
     */
    public static String riskLevelOf(GovernanceEvent event) {
        return RiskLevel.of(event).map(RiskLevel::wireName).orElse(RISK_MEDIUM);
    }

    /** The product page's bands ({@link RiskLevel#ofScore}): critical 90–100, high 70–89, medium 40–69, low 0–39. */
    public static String riskLevelOfScore(int score) {
        return RiskLevel.ofScore(score).wireName();
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
