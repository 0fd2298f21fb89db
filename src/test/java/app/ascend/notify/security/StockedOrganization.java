package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization with one of everything a route can name: a channel, an event, a failed delivery
 * (so "retry" would act), a spare API key (so "revoke" would act), and what a valid body for each
 * write route looks like. {@link #snapshot()} reads it all back, to show that refused requests
 * changed nothing.
 */
final class StockedOrganization {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    final Tenant tenant;
    final String apiKey;
    final String spareKeyId;
    final String channelId;
    final String brokenChannelId;
    final String webhookChannelId;
    final String teamsChannelId;
    final String splunkHecChannelId;
    final String slackChannelId;
    final String syslogChannelId;
    final String serviceNowChannelId;
    final String actionId;
    final String eventId;
    final String deliveryId;
    final String incidentId;
    final String windowId;

    /** The signing secret of the PagerDuty webhook subscription posting to {@link #channelId}. */
    static final String WEBHOOK_SECRET = "stocked-pagerduty-signing-secret";

    @SuppressWarnings("unchecked")
    StockedOrganization(Tenant tenant) {
        this.tenant = tenant;
        ApiClient admin = tenant.admin();
        Map<String, Object> ours = Channels.pagerDuty("Ours", Channels.newRoutingKey());
        ((Map<String, Object>) ours.get("config")).put("webhook_secret", WEBHOOK_SECRET);
        // A REST API token the simulator does not know: "reconcile" acts (a pass, refused) without changing incidents.
        ((Map<String, Object>) ours.get("config")).put("rest_api_token", "stocked-pagerduty-rest-api-token");
        channelId = Channels.create(admin, ours).get("id").stringValue();
        brokenChannelId = Channels.create(admin, Channels.pagerDuty("Ours, placeholder key", "your-routing-key"))
                .get("id").stringValue();
        // A webhook channel (a generated secret to rotate) on a documentation address (RFC 5737), subscribed to
        // a type the suite never posts, so it sends nothing.
        webhookChannelId = Channels.create(admin, Map.of("name", "Ours, webhook", "type", "webhook",
                "events", List.of("auth.mfa_failed"), "config", Map.of("url", "https://203.0.113.7/hooks/" + UUID.randomUUID())))
                .get("id").stringValue();
        // A Teams channel (its webhook URL a secret) on a documentation address, sending nothing for the same reason.
        teamsChannelId = Channels.create(admin, Map.of("name", "Ours, Teams", "type", "teams",
                "events", List.of("auth.mfa_failed"), "filters", Map.of("max_risk_score", 69), "config",
                Map.of("webhook_url", "https://203.0.113.8:443/workflows/" + UUID.randomUUID() + "?sig=" + UUID.randomUUID())))
                .get("id").stringValue();
        // A Slack channel (a bot token, a secret kept when sent back masked), subscribed to a type never posted.
        slackChannelId = Channels.create(admin, Map.of("name", "Ours, Slack", "type", "slack",
                "events", List.of("auth.mfa_failed"), "config", Map.of("bot_token", "xoxb-1-" + UUID.randomUUID(),
                        "channel", "C0STOCKED1"))).get("id").stringValue();
        // A syslog channel (CEF over TLS) on a documentation address, subscribed to a type never posted.
        syslogChannelId = Channels.create(admin, Map.of("name", "Ours, syslog", "type", "syslog",
                "events", List.of("auth.mfa_failed"), "config", Map.of("host", "203.0.113.9", "port", 6514,
                        "hostname", "ascend.example.com"))).get("id").stringValue();
        // A Splunk HEC channel (its token a secret) on a documentation address, sending nothing for the same reason.
        splunkHecChannelId = Channels.create(admin, Map.of("name", "Ours, Splunk", "type", "splunk_hec",
                "events", List.of("auth.mfa_failed"), "config", Map.of("url", "https://203.0.113.9:8088",
                        "token", UUID.randomUUID().toString(), "index", "ascend"))).get("id").stringValue();
        // A ServiceNow channel (a password, sealed and masked) on a documentation address, subscribed to a type never posted.
        serviceNowChannelId = Channels.create(admin, Map.of("name", "Ours, ServiceNow", "type", "servicenow",
                "events", List.of("auth.mfa_failed"), "config", Map.of("instance_url", "https://203.0.113.9",
                        "username", "ascend", "password", "pw-" + UUID.randomUUID()))).get("id").stringValue();
        apiKey = tenant.newApiKey();
        ApiResponse spare = admin.post("/api/api-keys", Map.of("name", "spare"));
        assertThat(spare.status()).as(spare.toString()).isEqualTo(201);
        spareKeyId = spare.json().get("id").stringValue();
        actionId = "act-" + UUID.randomUUID();
        ApiResponse ingested = new ApiClient(admin.baseUrl()).withApiKey(apiKey).post("/api/events",
                Map.of("type", "action.blocked", "action_id", actionId, "risk_score", 50, "summary", "ours"));
        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(202);
        eventId = ingested.json().get("events").get(0).get("id").stringValue();
        ApiResponse test = admin.post("/api/notifications/test", Map.of("channel_id", brokenChannelId));
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        deliveryId = test.json().get("delivery_id").stringValue();
        assertThat(admin.get("/api/notifications/deliveries/" + deliveryId).json().get("status").stringValue())
                .isEqualTo("failed");
        // The event opened an incident on "Ours"; a maintenance window far ahead mutes nothing now.
        incidentId = admin.get("/api/incidents").json().get("items").get(0).get("id").stringValue();
        java.time.Instant tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        ApiResponse window = admin.post("/api/notifications/maintenance-windows", Map.of("name", "Ours",
                "starts_at", tomorrow.toString(), "ends_at", tomorrow.plus(java.time.Duration.ofHours(1)).toString()));
        assertThat(window.status()).as(window.toString()).isEqualTo(201);
        windowId = window.json().get("id").stringValue();
    }

    ApiClient admin() {
        return tenant.admin();
    }

    /** The id this organization has for a route's variable, or null when the suite has none for it. */
    String idFor(ApiRoutes.Route route) {
        if (route.pattern().endsWith("/rotate-secret")) {
            return webhookChannelId; // the type with a secret to rotate (a PagerDuty channel answers 409)
        }
        return switch (route.collection()) {
            case "/api/notifications/channels" -> channelId;
            case "/api/events" -> eventId;
            case "/api/notifications/deliveries" -> deliveryId;
            case "/api/api-keys" -> spareKeyId;
            case "/api/incidents" -> incidentId;
            case "/api/notifications/maintenance-windows" -> windowId;
            default -> null;
        };
    }

    /** The route's path with this organization's id, or with {@code fallback} for a route the suite has no id for. */
    String path(ApiRoutes.Route route, String fallback) {
        String id = idFor(route);
        return route.path(id != null ? id : fallback);
    }

    /** A body the route would accept from this organization's admin (null for routes without one). */
    String body(ApiRoutes.Route route) {
        Object body = switch (route.toString()) {
            case "POST /api/notifications/channels", "PUT /api/notifications/channels/{id}" ->
                    Channels.pagerDuty("Written", Channels.newRoutingKey());
            case "PATCH /api/notifications/channels/{id}" -> Map.of("name", "Renamed");
            case "POST /api/events" -> Map.of("type", "action.blocked", "action_id", actionId + "-2");
            case "POST /api/notifications/test" -> Map.of("channel_id", channelId, "dry_run", true);
            case "POST /api/api-keys" -> Map.of("name", "written");
            case "POST /api/users" -> Map.of("email", "written-" + UUID.randomUUID() + "@example.test",
                    "password", "a-long-enough-password", "role", "admin");
            case "POST /api/organizations" -> Map.of("name", "Written " + UUID.randomUUID(),
                    "admin_email", "written-" + UUID.randomUUID() + "@example.test", "admin_password", "a-long-enough-password");
            case "POST /api/auth/login" -> Map.of("email", tenant.adminEmail(), "password", tenant.adminPassword());
            default -> route.method().equals("DELETE") || route.pattern().endsWith("/retry")
                    || route.pattern().endsWith("/logout") ? null : Map.of();
        };
        return body == null ? null : JSON.writeValueAsString(body);
    }

    /** Everything of the organization a refused write could have changed. */
    Map<String, Object> snapshot() {
        ApiClient admin = tenant.admin();
        return Map.ofEntries(
                Map.entry("channels", read(admin, "/api/notifications/channels")),
                Map.entry("channel", read(admin, "/api/notifications/channels/" + channelId)),
                Map.entry("webhook channel", read(admin, "/api/notifications/channels/" + webhookChannelId)),
                Map.entry("teams channel", read(admin, "/api/notifications/channels/" + teamsChannelId)),
                Map.entry("slack channel", read(admin, "/api/notifications/channels/" + slackChannelId)),
                Map.entry("syslog channel", read(admin, "/api/notifications/channels/" + syslogChannelId)),
                Map.entry("splunk hec channel", read(admin, "/api/notifications/channels/" + splunkHecChannelId)),
                Map.entry("servicenow channel", read(admin, "/api/notifications/channels/" + serviceNowChannelId)),
                Map.entry("delivery", read(admin, "/api/notifications/deliveries/" + deliveryId)),
                Map.entry("api keys", admin.get("/api/api-keys").itemIds()),
                Map.entry("users", admin.get("/api/users").itemIds()),
                Map.entry("events", admin.get("/api/events").itemIds()),
                Map.entry("organizations", admin.get("/api/organizations").itemIds()),
                Map.entry("key still works", new ApiClient(admin.baseUrl()).withApiKey(apiKey).get("/api/auth/me").status()));
    }

    /**
     * The answer without {@code reconciliation}, which changes on its own (the scheduled passes of a channel
     * with a REST API token), not by a write.
     */
    private static JsonNode read(ApiClient client, String path) {
        ApiResponse answer = client.get(path);
        assertThat(answer.status()).as(path + " → " + answer).isEqualTo(200);
        JsonNode json = answer.json();
        if (json instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("reconciliation");
            json.path("items").forEach(item -> {
                if (item instanceof tools.jackson.databind.node.ObjectNode one) {
                    one.remove("reconciliation");
                }
            });
        }
        return json;
    }

    /** This organization's ids and names, none of which another organization may see. */
    List<String> identifiers() {
        return List.of(tenant.organizationId(), tenant.name(), tenant.adminEmail(), channelId, brokenChannelId, webhookChannelId, teamsChannelId,
                eventId, slackChannelId, syslogChannelId, deliveryId, spareKeyId, actionId, incidentId, windowId,
                splunkHecChannelId, serviceNowChannelId);
    }
}
