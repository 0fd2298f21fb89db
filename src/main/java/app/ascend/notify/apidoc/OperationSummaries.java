package app.ascend.notify.apidoc;

import java.util.Map;

/** One line per operation, in the product page's words where it has them. */
final class OperationSummaries {
    private OperationSummaries() {
    }

    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("POST /api/auth/login", "Sign in with email and password; answers the user and sets the session cookie"),
            Map.entry("POST /api/auth/logout", "Sign out (ends the session)"),
            Map.entry("GET /api/auth/me", "The signed-in user, or the API key's organization"),
            Map.entry("POST /api/organizations", "Create an organization with its first admin (system administrator)"),
            Map.entry("GET /api/organizations", "Organizations: all for the system administrator, else your own"),
            Map.entry("POST /api/users", "Create a user (admin or viewer) in your organization"),
            Map.entry("GET /api/users", "Users of your organization"),
            Map.entry("POST /api/api-keys", "Create an API key; the secret is shown once"),
            Map.entry("GET /api/api-keys", "API keys: name, prefix, created and last used (never the secret)"),
            Map.entry("DELETE /api/api-keys/{id}", "Revoke an API key; it stops working at once"),
            Map.entry("GET /api/audit-log", "The audit trail: every change, who and when (keys masked)"),
            Map.entry("POST /api/notifications/channels", "Configure a notification channel (the page's curl lines)"),
            Map.entry("GET /api/notifications/channels", "Notification channels, keys masked, with warnings"),
            Map.entry("GET /api/notifications/channels/{id}", "One channel"),
            Map.entry("PATCH /api/notifications/channels/{id}",
                    "Change a channel (JSON merge patch; an omitted or masked key keeps the stored one)"),
            Map.entry("PUT /api/notifications/channels/{id}", "Replace a channel"),
            Map.entry("GET /api/notifications/channel-types", "The installed channel types: name, destination, "
                    + "fields they own and how their deliveries follow up"),
            Map.entry("GET /api/event-types", "The governance event types and what each does to an incident "
                    + "(trigger, acknowledge, resolve; change: none; notice: reports what a destination did to it, sent by ASCEND only), with the fields ingest requires"),
            Map.entry("GET /api/risk-levels", "The risk levels and their risk_score bands (critical 90-100, "
                    + "high 70-89, medium 40-69, low 0-39)"),
            Map.entry("DELETE /api/notifications/channels/{id}", "Delete a channel"),
            Map.entry("POST /api/notifications/channels/{id}/rotate-secret", "Rotate a channel's generated secret (a "
                    + "webhook's signing secret): the new one is shown once; the old one still signs for the grace period"),
            Map.entry("POST /api/events", "Post governance events (one, or up to 500); 202 once stored with their "
                    + "deliveries; 503 with Retry-After at capacity or while the database is down (nothing stored: "
                    + "send again with the same id)"),
            Map.entry("GET /api/events", "An action's events (?action_id=), or the latest"),
            Map.entry("GET /api/events/{id}", "An event with each channel's decision and deliveries: why was I (not) paged?"),
            Map.entry("GET /api/notifications/deliveries", "The delivery log with attempts and the destinations' answers"),
            Map.entry("GET /api/notifications/deliveries/{id}", "One delivery with its attempts"),
            Map.entry("POST /api/notifications/deliveries/{id}/retry", "Re-queue a failed or dead delivery (it keeps its "
                    + "place in its sequence); 409 for a trigger whose later resolve was already sent"),
            Map.entry("POST /api/notifications/maintenance-windows",
                    "Create a maintenance window (the page's \"Suppress during planned work\"), one-off or weekly"),
            Map.entry("GET /api/notifications/maintenance-windows", "Maintenance windows, ended ones included (?active=)"),
            Map.entry("GET /api/notifications/maintenance-windows/{id}", "One maintenance window"),
            Map.entry("PATCH /api/notifications/maintenance-windows/{id}", "Change a maintenance window (JSON merge patch)"),
            Map.entry("DELETE /api/notifications/maintenance-windows/{id}", "Delete a maintenance window"),
            Map.entry("POST /api/notifications/maintenance-windows/{id}/end", "End a maintenance window now"),
            Map.entry("GET /api/incidents", "Incidents ASCEND Notify holds (?status=open|resolved|not_opened, ?stale=true)"),
            Map.entry("GET /api/incidents/{id}", "One incident; a not_opened one says why (its trigger was refused or died)"),
            Map.entry("POST /api/webhooks/{type}/{channelId}", "Receive a webhook the channel's destination sends back "
                    + "about its incidents (the channel's webhook_url): no session or API key, only a signature made with "
                    + "the channel's webhook secret lets it in (401 otherwise); 202 once kept, 200 when already received "
                    + "or stale"),
            Map.entry("POST /api/notifications/channels/{id}/reconcile", "Reconcile now: ask the channel's destination "
                    + "(its REST API, with the channel's API token) what became of the incidents ASCEND holds open, correct "
                    + "what drifted, and answer what was checked and corrected; 409 without a token or while a pass runs"),
            Map.entry("GET /api/notifications/channels/{id}/reconciliations", "The channel's reconciliation passes kept "
                    + "(those that corrected something, failed, or were asked for), newest first, each with its corrections"),
            Map.entry("GET /api/notifications/channels/{id}/webhooks", "The webhooks the channel's destination sent "
                    + "back, newest first, with what became of each (?outcome=applied|unmatched|out_of_order|not_understood)"),
            Map.entry("POST /api/incidents/{id}/resolve", "Resolve an incident by hand: the resolve is queued like any other"),
            Map.entry("POST /api/notifications/test", "Send Test Alert (the page's test endpoint; preview, dry run, resolve)"));
}
