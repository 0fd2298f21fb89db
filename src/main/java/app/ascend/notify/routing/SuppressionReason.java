package app.ascend.notify.routing;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a channel's routing decision queued nothing: the {@code reason} label of
 * {@code ascend_suppressed_total}. A bounded set, so the label's cardinality is too.
 */
public enum SuppressionReason {
    /** Outside the channel's {@code min_risk_score}/{@code max_risk_score}, or no destination for the type. */
    FILTERED,
    /** The channel's {@code events} do not include the type. */
    NOT_SUBSCRIBED,
    /** The channel is disabled. */
    DISABLED,
    /** A {@link Suppression} muted it; maintenance windows are the one kind there is. */
    MAINTENANCE,
    /** A resolve or acknowledge with no open incident on the channel. */
    NOTHING_TO_RESOLVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason a decision with {@code outcome} queued nothing; empty when it queued (or merged into) a delivery. */
    public static Optional<SuppressionReason> of(RoutingOutcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case FILTERED -> FILTERED;
            case NOT_SUBSCRIBED -> NOT_SUBSCRIBED;
            case DISABLED -> DISABLED;
            case SUPPRESSED -> MAINTENANCE;
            case NOTHING_TO_RESOLVE -> NOTHING_TO_RESOLVE;
            case QUEUED, MERGED -> null;
        });
    }
}
