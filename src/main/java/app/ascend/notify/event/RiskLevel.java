package app.ascend.notify.event;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The product page's risk bands: an event's {@code risk_score} (0–100) falls in one of them. Channel types
 * map a band to what their destination understands (a paging service: a severity); the console lists them from
 * {@code GET /api/risk-levels}. Ordered from the most to the least risky, as the page's table is.
 */
public enum RiskLevel {
    CRITICAL("critical", 90, 100),
    HIGH("high", 70, 89),
    MEDIUM("medium", 40, 69),
    LOW("low", 0, 39);

    private final String wireName;
    private final int minScore;
    private final int maxScore;

    RiskLevel(String wireName, int minScore, int maxScore) {
        this.wireName = wireName;
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public String wireName() {
        return wireName;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }

    /**
     * The band of a score. Scores outside 0–100 are clamped into the nearest band rather than refused:
     * alerting on a bad score beats losing the alert.
     */
    public static RiskLevel ofScore(int score) {
        for (RiskLevel level : values()) {
            if (score >= level.minScore) {
                return level;
            }
        }
        return LOW;
    }

    /**
     * The level an event has when it carries neither a risk level nor a score. Our own choice (the page
     * gives none): a block, a violation and a failed MFA are high because ASCEND stopped or caught
     * something; a failed login and an anomaly are medium because they are often noise on their own.
     * Follow-up types (approved, resolved, acknowledged) have none.
     */
    private static final Map<EventType, RiskLevel> DEFAULT_BY_TYPE = new EnumMap<>(Map.of(
            EventType.ACTION_BLOCKED, HIGH,
            EventType.POLICY_VIOLATION, HIGH,
            EventType.AUTH_FAILED, MEDIUM,
            EventType.AUTH_MFA_FAILED, HIGH,
            EventType.ANOMALY_DETECTED, MEDIUM));

    /**
     * The event's level: its own {@code risk_level} when it is one of the four (trimmed, any case); else
     * its score's band; else its type's default; empty for a follow-up that carries neither.
     */
    public static Optional<RiskLevel> of(GovernanceEvent event) {
        if (event.riskLevel() != null) {
            Optional<RiskLevel> own = fromWireName(event.riskLevel().trim().toLowerCase(Locale.ROOT));
            if (own.isPresent()) {
                return own;
            }
        }
        if (event.riskScore() != null) {
            return Optional.of(ofScore(event.riskScore()));
        }
        return Optional.ofNullable(DEFAULT_BY_TYPE.get(event.type()));
    }

    public static Optional<RiskLevel> fromWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }

    /** The wire names, most risky first. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RiskLevel::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
