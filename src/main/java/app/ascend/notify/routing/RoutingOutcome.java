package app.ascend.notify.routing;

import java.util.Locale;

public enum RoutingOutcome {
    QUEUED, NOT_SUBSCRIBED, FILTERED, SUPPRESSED, DISABLED, NOTHING_TO_RESOLVE, MERGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
