package app.ascend.notify.apidoc;

import java.util.Map;

/** The rules behind some operations, longer than a summary: shown as the operation's description. */
final class OperationDescriptions {
    private OperationDescriptions() {
    }

    private static final String FILTERS = "filters.min_risk_score and filters.max_risk_score (0-100, both inclusive, "
            + "min <= max): a trigger reaches the channel when its risk_score is at least the minimum and at most the "
            + "maximum, so one channel with min_risk_score 70 and another with max_risk_score 69 split every trigger "
            + "(e.g. a paging channel for high risk, a chat channel for lower-severity alerts). An event without risk_score "
            + "counts as its risk_level's band from the product page's severity table (critical = 90, high = 70, "
            + "medium = 40, low = 0) against both bounds and the decision's reason says so (\"risk_level high counts "
            + "as 70\"); an event with neither does not pass a bound. filters.risk_levels (a list from GET /api/risk-levels, e.g. "
            + "[\"medium\", \"low\"]): a trigger passes when the level it is shown with (its risk_level, else its "
            + "risk_score's band, else its type's default) is listed. Resolves and acknowledges are never filtered: "
            + "an open incident always closes, and a type that sends every event sends the news about a trigger; nor are "
            + "notices (incident.acknowledged, ...: what a destination reported about an incident).";

    private static final String REMOTE = "Each delivery's remote is where the delivered message can be seen at its "
            + "destination, when its channel type keeps such a link (a ticket system: {\"label\": \"INC0010001\", "
            + "\"url\": \"https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D…\"}); null otherwise.";

    private static final String NOTICES = "The notice types (action notice in GET /api/event-types: incident.acknowledged, "
            + "incident.unacknowledged, incident.resolved, incident.reopened, incident.updated) are sent by ASCEND when "
            + "a destination's webhook reports that an incident changed there; posting one is a 400 naming type.";

    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("POST /api/events", NOTICES),
            Map.entry("GET /api/events/{id}", REMOTE),
            Map.entry("GET /api/notifications/deliveries", REMOTE),
            Map.entry("GET /api/notifications/deliveries/{id}", REMOTE),
            Map.entry("POST /api/notifications/channels", FILTERS),
            Map.entry("PATCH /api/notifications/channels/{id}", FILTERS),
            Map.entry("PUT /api/notifications/channels/{id}", FILTERS),
            Map.entry("POST /api/notifications/test", "Sends at once, not through the queue. A test alert always uses "
                    + "a dedup key of its own, ascend-test-{channel_id}-{epoch ms}, also with a sample event: the "
                    + "sample's decision and payload are what a real event would get, with the dedup key the only "
                    + "difference, so a test (and its resolve: true) never touches a live incident. Every send takes a "
                    + "slot of the destination's rate budget (the channel type's limit; test alerts count too): "
                    + "with no slot free the answer is 429 problem+json with Retry-After and nothing is sent."));
}
