package app.ascend.notify.channel.webhook;

import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;



/**
 * An event's risk level as the product page bands it ({@link RiskLevel#of}), as a webhook payload names it,
 * and the wait order it gives a trigger when a URL's rate budget is spent.
 */
final class RiskLevels {
    static final String LOW = RiskLevel.LOW.wireName();

    private RiskLevels() {
    }

    /** The level's wire name, or null for a follow-up that carries neither a level nor a score. */
    static String of(GovernanceEvent event) {
        return RiskLevel.of(event).map(RiskLevel::wireName).orElse(null);
    }

    /** Critical first (0), low last (3); no level waits with the low ones. */
    static int priority(String level) {
        return level == null ? 3 : RiskLevel.fromWireName(level).map(RiskLevel::ordinal).orElse(3);
    }
}
