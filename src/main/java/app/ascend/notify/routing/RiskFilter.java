package app.ascend.notify.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelFilters;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;

/**
 * A channel's {@code filters.min_risk_score} and {@code filters.max_risk_score} (both inclusive). An event
 * without a {@code risk_score} but with a {@code risk_level} counts as the lowest score of that level's band
 * in the product page's severity table ("Critical (90-100) ... Low (0-39)"), so "critical only" (90) passes a
 * critical event; a score, when given, wins over the level. The level counts as that one score against both
 * bounds, so channels split at 70 ({@code min 70} / {@code max 69}) split levels too: high (70) goes to the
 * first, medium (40) to the second, never both or neither. An event with neither a score nor a level passes
 * no bound: a filtered channel only takes events whose risk it can compare. Only triggers are filtered (see
 * {@link EventRouter}): a follow-up is news about a trigger.
 */
final class RiskFilter {
    /** A risk level counts as the lowest score of its band (the page's table: critical 90, high 70, ...). */
    static final Map<String, Integer> LEVEL_SCORES = Arrays.stream(RiskLevel.values())
            .collect(Collectors.toUnmodifiableMap(RiskLevel::wireName, RiskLevel::minScore));

    /** Outcomes the risk filter gave, or that came before it: the level let nothing through. */
    private static final Set<String> NOT_PAST_THE_FILTER = Set.of(RoutingOutcome.DISABLED.wireName(),
            RoutingOutcome.NOT_SUBSCRIBED.wireName(), RoutingOutcome.FILTERED.wireName());

    private RiskFilter() {
    }

    /** Why the event is outside the channel's bounds, or empty when it passes (or the channel has none). */
    static Optional<String> outside(GovernanceEvent event, ChannelFilters filters) {
        Optional<String> below = belowMinimum(event, filters.minRiskScore());
        if (below.isPresent()) {
            return below;
        }
        Optional<String> above = aboveMaximum(event, filters.maxRiskScore());
        return above.isPresent() ? above : notAmongLevels(event, filters.riskLevels());
    }

    /**
     * Why the event's risk level is not among the channel's {@code risk_levels} (null: any level), or empty. The
     * level is the one the event is shown and mapped with ({@link RiskLevel#of}: its own {@code risk_level}, else
     * its score's band, else its type's default), so "medium and low" means the alerts that say medium or low.
     */
    static Optional<String> notAmongLevels(GovernanceEvent event, List<String> levels) {
        if (levels == null) {
            return Optional.empty();
        }
        Optional<RiskLevel> level = RiskLevel.of(event);
        if (level.isEmpty()) {
            return Optional.of("risk_levels " + levels + ", but the event has no risk level");
        }
        return levels.contains(level.get().wireName()) ? Optional.empty()
                : Optional.of("risk level " + level.get().wireName() + " is not among the channel's risk_levels "
                        + String.join(", ", levels));
    }

    /** Why the event is below the channel's minimum (null: no filter), or empty when it passes. */
    static Optional<String> belowMinimum(GovernanceEvent event, Integer minimum) {
        if (minimum == null) {
            return Optional.empty();
        }
        if (event.riskScore() != null) {
            return event.riskScore() < minimum
                    ? Optional.of("min_risk_score " + minimum + " > risk_score " + event.riskScore())
                    : Optional.empty();
        }
        Integer levelScore = event.riskLevel() == null ? null : LEVEL_SCORES.get(event.riskLevel());
        if (levelScore == null) {
            return Optional.of("min_risk_score " + minimum + ", but the event has no risk_score or risk_level");
        }
        return levelScore < minimum
                ? Optional.of("min_risk_score " + minimum + " > " + levelScore + " (risk_level " + event.riskLevel()
                        + " counts as " + levelScore + ")")
                : Optional.empty();
    }

    /** Why the event is above the channel's maximum (null: no filter), or empty when it passes. */
    static Optional<String> aboveMaximum(GovernanceEvent event, Integer maximum) {
        if (maximum == null) {
            return Optional.empty();
        }
        if (event.riskScore() != null) {
            return event.riskScore() > maximum
                    ? Optional.of("risk score " + event.riskScore() + " is above the channel's max_risk_score " + maximum)
                    : Optional.empty();
        }
        Integer levelScore = event.riskLevel() == null ? null : LEVEL_SCORES.get(event.riskLevel());
        if (levelScore == null) {
            return Optional.of("max_risk_score " + maximum + ", but the event has no risk_score or risk_level");
        }
        return levelScore > maximum
                ? Optional.of("risk_level " + event.riskLevel() + " counts as " + levelScore
                        + ", above the channel's max_risk_score " + maximum)
                : Optional.empty();
    }

    /**
     * " (risk_level high counts as 70 against min_risk_score 70)" when the channel's bounds were passed by the
     * event's level, not a score; else "". Appended to the reason of a decision that got past the filter.
     */
    static String levelNote(GovernanceEvent event, ChannelFilters filters) {
        if ((filters.minRiskScore() == null && filters.maxRiskScore() == null) || event.riskScore() != null
                || event.riskLevel() == null || !LEVEL_SCORES.containsKey(event.riskLevel())) {
            return "";
        }
        StringBuilder against = new StringBuilder();
        if (filters.minRiskScore() != null) {
            against.append("min_risk_score ").append(filters.minRiskScore());
        }
        if (filters.maxRiskScore() != null) {
            against.append(against.isEmpty() ? "" : " and ").append("max_risk_score ").append(filters.maxRiskScore());
        }
        return " (risk_level " + event.riskLevel() + " counts as " + LEVEL_SCORES.get(event.riskLevel())
                + " against " + against + ")";
    }

    /** Adds {@link #levelNote} to the decisions of triggers that passed a minimum by their level (one per channel). */
    static void explainLevels(List<GovernanceEvent> events, List<Channel> channels, List<List<Decision>> decisions) {
        for (int e = 0; e < events.size(); e++) {
            GovernanceEvent event = events.get(e);
            List<Decision> eventDecisions = decisions.get(e);
            if (event.type().action() != EventType.Action.TRIGGER || eventDecisions.size() != channels.size()) {
                continue;
            }
            for (int c = 0; c < channels.size(); c++) {
                Decision d = eventDecisions.get(c);
                String note = levelNote(event, channels.get(c).filters());
                if (!note.isEmpty() && !NOT_PAST_THE_FILTER.contains(d.outcome())) {
                    eventDecisions.set(c, new Decision(d.channelId(), d.channelName(), d.outcome(), d.reason() + note,
                            d.destination(), d.routingKey(), d.deliveryIds()));
                }
            }
        }
    }
}
