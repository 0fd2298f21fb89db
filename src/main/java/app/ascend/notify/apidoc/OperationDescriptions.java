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

    private static final String CHANGES = "Change types (action \"change\" in GET /api/event-types): policy.changed "
            + "(a policy created or changed; requires policy_name unless summary is given), agent.deployed and "
            + "agent.permissions_changed (an agent deployed, or its permissions widened; require agent_id unless summary "
            + "is given). Optional: summary (else \"Policy changed: {policy_name} by {user}\"), user (who changed it), "
            + "resource, action_id (kept as context: a change belongs to no action's incident), risk_score/risk_level "
            + "(only then do a channel's risk filters apply to the change), details (an object, shown as custom details). "
            + "dedup_key is refused (400 naming it): a change opens, acknowledges and closes no incident, so it has no "
            + "dedup key; its messages form a sequence of their own (ascend-{event id}) and never wait behind an "
            + "action's alerts. A change goes once to each enabled channel subscribed to it, is never muted by "
            + "maintenance windows (it pages nobody), and may be mixed with other events in one batch. Each channel type "
            + "shows it as information, never as an opened incident (a paging type: its change events API; chat: a "
            + "message of its own; webhook and SIEM: action \"change\"), or refuses it (a ticket type: a change is not "
            + "a ticket; a channel listing it is a 400 naming the entry).";

    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("POST /api/events", CHANGES + " " + NOTICES),
            Map.entry("GET /api/event-types", "Each type's action (trigger, acknowledge, resolve, change: records a "
                    + "change; opens, acknowledges and closes no incident; notice: reports what a destination did to an "
                    + "incident, sent by ASCEND only), a description, what ingest requires "
                    + "besides type (requires; \"a or b\": either) and what it refuses for the type (refuses). "
                    + CHANGES + " " + NOTICES),
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
