package app.ascend.notify.support.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import app.ascend.notify.support.fuzz.Doc.Arr;
import app.ascend.notify.support.fuzz.Doc.Obj;

/** Valid request documents, varied by a seeded {@link Random}: what the fuzzer starts from. */
public final class Templates {
    public static final List<String> TRIGGERS = List.of("action.blocked", "policy.violation", "auth.failed",
            "auth.mfa_failed", "anomaly.detected");
    /** The change types: they need policy_name or agent_id (or summary) and take no dedup_key. */
    public static final List<String> CHANGES = List.of("policy.changed", "agent.deployed", "agent.permissions_changed");
    /** Every type but the changes: what a ServiceNow channel may list (a change is not a ticket). */
    public static final List<String> TICKET_TYPES = List.of("action.blocked", "policy.violation", "auth.failed",
            "auth.mfa_failed", "anomaly.detected", "action.approved", "action.resolved", "action.acknowledged");
    public static final List<String> TYPES = List.of("action.blocked", "policy.violation", "auth.failed", "auth.mfa_failed",
            "anomaly.detected", "action.approved", "action.resolved", "action.acknowledged", "policy.changed",
            "agent.deployed", "agent.permissions_changed");
    public static final List<String> EVENT_FIELDS = List.of("type", "id", "occurred_at", "action_id", "agent_id",
            "action_type", "resource", "risk_score", "risk_level", "policy_name", "user", "source_ip", "summary", "dedup_key",
            "details");
    public static final List<String> CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters", "config",
            "severity_mapping", "routing_rules", "integration_key", "routing_key", "region", "routing_keys", "runbook_links",
            "include_metadata", "min_risk_score", "critical", "high", "medium", "low", "id", "created_at", "warnings",
            "webhook_secret", "webhook_url", "webhook_setup", "rest_api_token", "reconciliation");
    /** A webhook channel's fields, for mutations of webhook documents. */
    public static final List<String> WEBHOOK_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "url", "rate_per_minute", "secret", "previous_secret_expires_at", "min_risk_score", "id", "warnings");
    /** A Teams channel's fields, for mutations of Teams documents. */
    public static final List<String> TEAMS_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "webhook_url", "runbook_links", "min_risk_score", "max_risk_score", "id", "warnings");
    /** A Slack channel's fields (both modes), for mutations of Slack documents. */
    public static final List<String> SLACK_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "webhook_url", "bot_token", "channel", "runbook_links", "min_risk_score", "id", "warnings");
    /** A syslog channel's fields, for mutations of syslog documents. */
    public static final List<String> SYSLOG_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "host", "port", "ca_certificate", "hostname", "facility", "app_name", "max_risk_score", "id", "warnings");
    /** A Splunk HEC channel's fields, for mutations of HEC documents. */
    public static final List<String> SPLUNK_HEC_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "url", "token", "index", "sourcetype", "source", "host", "batch_max_bytes", "batch_max_wait_ms",
            "batch_max_events", "use_ack", "min_risk_score", "id", "warnings");
    /** A ServiceNow channel's fields (both ways to sign in), for mutations of ServiceNow documents. */
    public static final List<String> SERVICENOW_CHANNEL_FIELDS = List.of("name", "type", "enabled", "events", "filters",
            "config", "instance_url", "username", "password", "client_id", "client_secret", "assignment_group",
            "category", "resolve_state", "close_code", "close_notes", "priority_mapping", "impact", "urgency",
            "critical", "high", "medium", "low", "min_risk_score", "id", "warnings");
    public static final List<String> TEST_ALERT_FIELDS = List.of("channel_id", "event", "dry_run", "resolve");
    private static final List<String> LEVELS = List.of("critical", "high", "medium", "low");
    private static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Templates() {
    }

    /** A valid event for {@code actionId}; {@code sourceId} null for none. */
    public static Obj event(Random r, String actionId, String sourceId) {
        Obj event = new Obj();
        String type = r.nextInt(8) == 0 ? TYPES.get(5 + r.nextInt(3)) : TRIGGERS.get(r.nextInt(TRIGGERS.size()));
        if (r.nextInt(10) == 0) {
            type = CHANGES.get(r.nextInt(CHANGES.size()));
        }
        event.put("type", type);
        if (sourceId != null) {
            event.put("id", sourceId);
        }
        event.put("action_id", actionId);
        optional(r, event, "agent_id", "customer-service-agent");
        optional(r, event, "action_type", "database_query");
        optional(r, event, "resource", "customer_database");
        if (r.nextBoolean()) {
            event.put("risk_score", Doc.number(r.nextInt(101)));
        }
        optional(r, event, "risk_level", LEVELS.get(r.nextInt(4)));
        optional(r, event, "policy_name", "Data Protection Policy");
        optional(r, event, "user", "alice@example.test");
        optional(r, event, "source_ip", "10.0.0." + r.nextInt(256));
        optional(r, event, "summary", "High-risk action blocked: database_query on customer_database");
        if (r.nextInt(3) == 0) {
            event.put("occurred_at", Instant.parse("2026-11-27T10:15:30Z").plusSeconds(r.nextInt(1_000_000) - 500_000L).toString());
        }
        boolean change = CHANGES.contains(type);
        if (r.nextInt(10) == 0 && !change) {
            event.put("dedup_key", "dk-" + actionId);
        }
        if (change) { // what changed: required unless a summary says it
            event.put(type.equals("policy.changed") ? "policy_name" : "agent_id",
                    type.equals("policy.changed") ? "Data Protection Policy" : "customer-service-agent");
        }
        if (r.nextInt(4) == 0) {
            event.put("details", new Obj().put("query", "select * from customers").put("rows", Doc.number(r.nextInt(10_000)))
                    .put("nested", new Obj().put("list", new Arr().add(Doc.number(1)).add("two").add(Doc.NULL))));
        }
        return event;
    }

    /** A batch of 1 to 20 valid events (sometimes up to 500), all of {@code actionId}. */
    public static Arr batch(Random r, String actionId, String sourcePrefix) {
        int size = r.nextInt(40) == 0 ? 495 + r.nextInt(10) : 1 + r.nextInt(r.nextInt(10) == 0 ? 100 : 10);
        Arr batch = new Arr();
        for (int i = 0; i < size; i++) {
            batch.add(event(r, actionId, r.nextInt(3) == 0 ? null : sourcePrefix + "-" + i));
        }
        return batch;
    }

    /** A routing key PagerDuty would take: 32 letters and digits. */
    public static String key(Random r) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            key.append(ALPHANUMERIC.charAt(r.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    /** A valid PagerDuty channel, using any of its optional fields. */
    public static Obj channel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "pagerduty");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        if (r.nextInt(10) < 4) {
            channel.put("filters", new Obj().put("min_risk_score", Doc.number(r.nextInt(101))));
        }
        Obj config = new Obj();
        Obj aliases = new Obj();
        if (r.nextInt(10) < 3) {
            for (int i = r.nextInt(3); i >= 0; i--) {
                aliases.put("team-" + i, key(r));
            }
            config.put("routing_keys", aliases);
        }
        boolean integrationKey = r.nextBoolean();
        if (integrationKey) {
            config.put("integration_key", key(r));
        }
        if (!integrationKey || r.nextBoolean()) {
            config.put("routing_key", key(r));
        }
        if (r.nextBoolean()) {
            config.put("region", r.nextBoolean() ? "us" : "eu");
        }
        if (r.nextInt(10) < 3) {
            Obj links = new Obj();
            for (String type : eventNames(r, TYPES)) {
                links.put(type, "https://wiki.example/runbooks/" + type + "?q=" + r.nextInt(1000));
            }
            config.put("runbook_links", links);
        }
        if (r.nextInt(10) < 3) {
            config.put("include_metadata", Doc.bool(r.nextBoolean()));
        }
        if (r.nextInt(10) < 3) {
            config.put("webhook_secret", "pd-signing-" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36));
        }
        if (r.nextInt(10) < 3) {
            config.put("rest_api_token", "pd-rest-" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36));
        }
        channel.put("config", config);
        if (r.nextInt(10) < 4) {
            Obj mapping = new Obj();
            for (String level : LEVELS) {
                if (r.nextInt(4) != 0) {
                    mapping.put(level, SEVERITIES.get(r.nextInt(4)));
                }
            }
            channel.put("severity_mapping", mapping);
        }
        if (r.nextInt(10) < 3) {
            Arr rules = new Arr();
            for (int i = r.nextInt(3); i >= 0; i--) {
                String target = !aliases.entries.isEmpty() && r.nextBoolean() ? aliases.entries.get(0).key : key(r);
                rules.add(new Obj().put("events", eventList(r, TRIGGERS)).put("routing_key", target));
            }
            channel.put("routing_rules", rules);
        }
        return channel;
    }

    /**
     * A valid webhook channel, using any of its optional fields. The URL is a documentation address
     * (TEST-NET-3, RFC 5737): public for the address check, never resolved, and subscribed types are ones
     * no fuzz case posts to this organization.
     */
    public static Obj webhookChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "webhook");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        if (r.nextInt(10) < 3) {
            channel.put("filters", new Obj().put("min_risk_score", Doc.number(r.nextInt(101))));
        }
        Obj config = new Obj().put("url", "https://203.0.113." + (1 + r.nextInt(250)) + "/hooks/" + key(r)
                + (r.nextBoolean() ? "?token=" + key(r) : ""));
        if (r.nextInt(10) < 5) {
            config.put("rate_per_minute", Doc.number(r.nextInt(4) == 0 ? 0 : r.nextInt(6001)));
        }
        channel.put("config", config);
        return channel;
    }

    /**
     * A valid Slack channel in either mode: an incoming webhook URL of Slack's shape (never sent to: no fuzz case
     * posts to this organization), or a bot token and channel id; sometimes runbook links.
     */
    public static Obj slackChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "slack");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        if (r.nextInt(10) < 3) {
            channel.put("filters", new Obj().put("min_risk_score", Doc.number(r.nextInt(101))));
        }
        Obj config = new Obj();
        if (r.nextBoolean()) {
            config.put("webhook_url", "https://hooks.slack.com/services/T" + key(r).substring(0, 8).toUpperCase()
                    + "/B" + key(r).substring(0, 8).toUpperCase() + "/" + key(r).substring(0, 24));
        } else {
            config.put("bot_token", "xoxb-" + r.nextInt(1_000_000) + "-" + key(r));
            config.put("channel", "C" + key(r).substring(0, 10).toUpperCase());
        }
        if (r.nextInt(10) < 3) {
            config.put("runbook_links", new Obj().put(TRIGGERS.get(r.nextInt(TRIGGERS.size())),
                    "https://wiki.example.com/runbooks/" + r.nextInt(100)));
        }
        channel.put("config", config);
        return channel;
    }

    /** A JSON merge patch for a Slack channel: some of its fields, some removed with null, sometimes a mode switch. */
    public static Obj slackChannelPatch(Random r) {
        Obj full = slackChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled").get(r.nextInt(3)), Doc.NULL);
        }
        return patch;
    }

    /**
     * A valid ServiceNow channel, Basic or OAuth, using any of its optional fields: an instance on a documentation
     * address (TEST-NET-3, RFC 5737; no fuzz case posts to this organization, so it is never called).
     */
    public static Obj serviceNowChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "servicenow");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TICKET_TYPES));
        }
        Obj config = new Obj().put("instance_url", "https://203.0.113." + (1 + r.nextInt(250)));
        if (r.nextBoolean()) {
            config.put("username", "ascend." + r.nextInt(100));
            config.put("password", "pw-" + key(r));
        } else {
            config.put("client_id", key(r));
            config.put("client_secret", "cs-" + key(r));
        }
        if (r.nextInt(10) < 3) {
            config.put("assignment_group", key(r).toLowerCase().replaceAll("[^0-9a-f]", "a").substring(0, 32));
        }
        if (r.nextInt(10) < 3) {
            config.put("category", List.of("security", "inquiry", "software").get(r.nextInt(3)));
        }
        if (r.nextInt(10) < 3) {
            config.put("resolve_state", List.of("6", "7").get(r.nextInt(2)));
            config.put("close_code", List.of("Solution provided", "Solved (Permanently)").get(r.nextInt(2)));
            config.put("close_notes", "Resolved by ASCEND " + r.nextInt(100));
        }
        channel.put("config", config);
        if (r.nextInt(10) < 3) {
            channel.put("priority_mapping", new Obj().put(LEVELS.get(r.nextInt(LEVELS.size())), new Obj()
                    .put("impact", String.valueOf(1 + r.nextInt(3))).put("urgency", Doc.number(1 + r.nextInt(3)))));
        }
        return channel;
    }

    /** A JSON merge patch for a ServiceNow channel: some of its fields, some removed with null. */
    public static Obj serviceNowChannelPatch(Random r) {
        Obj full = serviceNowChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled", "priority_mapping").get(r.nextInt(4)), Doc.NULL);
        }
        return patch;
    }

    /** A JSON merge patch for a webhook channel: some of its fields, some removed with null. */
    public static Obj webhookChannelPatch(Random r) {
        Obj full = webhookChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled").get(r.nextInt(3)), Doc.NULL);
        }
        if (r.nextInt(4) == 0) {
            patch.put("config", new Obj().put("rate_per_minute", Doc.number(r.nextInt(6001))));
        }
        return patch;
    }

    /**
     * A valid Teams channel, using any of its optional fields: a Workflows-like URL on a documentation address
     * (TEST-NET-3, RFC 5737) with a signature in its query, and risk bounds with min <= max.
     */
    public static Obj teamsChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "teams");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        if (r.nextInt(10) < 5) {
            int min = r.nextInt(101);
            Obj filters = new Obj();
            if (r.nextBoolean()) {
                filters.put("min_risk_score", Doc.number(min));
            }
            filters.put("max_risk_score", Doc.number(min + r.nextInt(101 - min)));
            channel.put("filters", filters);
        }
        Obj config = new Obj().put("webhook_url", "https://203.0.113." + (1 + r.nextInt(250)) + ":443/workflows/" + key(r)
                + "/triggers/manual/paths/invoke?api-version=2016-06-01&sig=" + key(r));
        if (r.nextInt(10) < 3) {
            config.put("runbook_links", new Obj().put(TYPES.get(r.nextInt(TYPES.size())), "https://wiki.example.test/rb/" + key(r)));
        }
        channel.put("config", config);
        return channel;
    }

    /** A JSON merge patch for a Teams channel: some of its fields, some removed with null. */
    public static Obj teamsChannelPatch(Random r) {
        Obj full = teamsChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled").get(r.nextInt(3)), Doc.NULL);
        }
        return patch;
    }

    /**
     * A valid Splunk HEC channel, using any of its optional fields: a collector on a documentation address (TEST-NET-3,
     * RFC 5737), a GUID token, metadata, batching within range and acknowledgement.
     */
    public static Obj splunkHecChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "splunk_hec");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        Obj config = new Obj().put("url", "https://203.0.113." + (1 + r.nextInt(250)) + ":8088"
                + (r.nextInt(4) == 0 ? "/services/collector/event" : ""))
                .put("token", new java.util.UUID(r.nextLong(), r.nextLong()).toString());
        for (String field : List.of("index", "sourcetype", "source", "host")) {
            if (r.nextInt(10) < 4) {
                config.put(field, field + "-" + key(r).substring(0, 6));
            }
        }
        if (r.nextInt(10) < 3) {
            config.put("batch_max_bytes", Doc.number(10_000 + r.nextInt(4_990_001)));
        }
        if (r.nextInt(10) < 3) {
            config.put("batch_max_wait_ms", Doc.number(r.nextInt(5001)));
        }
        if (r.nextInt(10) < 3) {
            config.put("batch_max_events", Doc.number(1 + r.nextInt(1000)));
        }
        if (r.nextInt(10) < 3) {
            config.put("use_ack", Doc.bool(r.nextBoolean()));
        }
        channel.put("config", config);
        return channel;
    }

    /** A JSON merge patch for a Splunk HEC channel: some of its fields, some removed with null. */
    public static Obj splunkHecChannelPatch(Random r) {
        Obj full = splunkHecChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled").get(r.nextInt(3)), Doc.NULL);
        }
        return patch;
    }

    /** A JSON merge patch for a channel: some of its fields, some removed with null. */
    public static Obj channelPatch(Random r) {
        Obj full = channel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "severity_mapping", "routing_rules", "enabled").get(r.nextInt(5)), Doc.NULL);
        }
        if (r.nextInt(4) == 0) {
            patch.put("config", new Obj().put("region", r.nextBoolean() ? "us" : "eu"));
        }
        return patch;
    }

    /** A test-alert request for {@code channelId}: plain, or with a sample event; mostly dry runs. */
    public static Obj testAlert(Random r, String channelId, String actionId) {
        Obj request = new Obj().put("channel_id", channelId);
        if (r.nextInt(4) != 0) {
            request.put("dry_run", Doc.bool(r.nextInt(5) != 0));
        }
        if (r.nextInt(4) == 0) {
            request.put("resolve", Doc.bool(r.nextBoolean()));
        }
        if (r.nextInt(10) < 6) {
            request.put("event", event(r, actionId, null));
        }
        return request;
    }

    private static Arr eventList(Random r, List<String> from) {
        Arr list = new Arr();
        eventNames(r, from).forEach(list::add);
        return list;
    }

    private static List<String> eventNames(Random r, List<String> from) {
        List<String> names = new ArrayList<>(from);
        Collections.shuffle(names, r);
        return names.subList(0, 1 + r.nextInt(names.size()));
    }

    private static void optional(Random r, Obj event, String field, String value) {
        if (r.nextInt(10) < 7) {
            event.put(field, value);
        }
    }

    /** A self-signed CA certificate (P-256, valid to 2126): a syslog channel's {@code ca_certificate}. */
    public static final String SYSLOG_CA = """
            -----BEGIN CERTIFICATE-----
            MIIBhTCCASugAwIBAgIUWT9vbCiWDEEE/v5YJFBVb88c9QswCgYIKoZIzj0EAwIw
            FzEVMBMGA1UEAwwMVW5pdCB0ZXN0IENBMCAXDTI2MTIwNjE1NTMwN1oYDzIxMjYx
            MTEyMTU1MzA3WjAXMRUwEwYDVQQDDAxVbml0IHRlc3QgQ0EwWTATBgcqhkjOPQIB
            BggqhkjOPQMBBwNCAATMwr8rEYlaTqIRpA192NnjmTe8HJdQ6dC7MSBDa3lm0zhe
            AM2NahZWVFsuA7S5yBwffkC9voohEpIPzn+v9yN+o1MwUTAdBgNVHQ4EFgQUrDBs
            W/7J7WwdAYUBMOE6kMCulK0wHwYDVR0jBBgwFoAUrDBsW/7J7WwdAYUBMOE6kMCu
            lK0wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAQrz2dNBiVtWC1
            03NJqiwUgg++hJu1c1OCNosP1vHaSwIhAIC3CqT8spaQpllND1glNrW/grlx8u0r
            iGPtTWGapS4G
            -----END CERTIFICATE-----
            """;

    /**
     * A valid syslog channel, using any of its optional fields: a server on a documentation address (TEST-NET-3,
     * RFC 5737, or 2001:db8::/32, RFC 3849: no name to resolve), sometimes with a CA certificate and header fields.
     */
    public static Obj syslogChannel(Random r, String name) {
        Obj channel = new Obj().put("name", name).put("type", "syslog");
        if (r.nextBoolean()) {
            channel.put("enabled", Doc.bool(r.nextInt(4) != 0));
        }
        if (r.nextInt(10) < 7) {
            channel.put("events", eventList(r, TYPES));
        }
        Obj config = new Obj().put("host", r.nextBoolean() ? "203.0.113." + (1 + r.nextInt(250))
                : "2001:db8::" + Integer.toHexString(1 + r.nextInt(4000)));
        if (r.nextBoolean()) {
            config.put("port", Doc.number(1 + r.nextInt(65_535)));
        }
        if (r.nextInt(10) < 5) {
            config.put("ca_certificate", SYSLOG_CA);
        }
        if (r.nextInt(10) < 3) {
            config.put("hostname", "ascend-" + r.nextInt(100) + ".example.com");
        }
        if (r.nextInt(10) < 3) {
            config.put("facility", List.of("local0", "local4", "local7", "auth", "authpriv").get(r.nextInt(5)));
        }
        if (r.nextInt(10) < 2) {
            config.put("app_name", "ascend" + r.nextInt(10));
        }
        channel.put("config", config);
        return channel;
    }

    /** A JSON merge patch for a syslog channel: some of its fields, some removed with null. */
    public static Obj syslogChannelPatch(Random r) {
        Obj full = syslogChannel(r, "Patched " + r.nextInt(1000));
        Obj patch = new Obj();
        for (Doc.Entry e : full.entries) {
            if (!e.key.equals("type") && r.nextInt(3) == 0) {
                patch.put(e.key, e.value);
            }
        }
        if (r.nextInt(4) == 0) {
            patch.put(List.of("events", "filters", "enabled").get(r.nextInt(3)), Doc.NULL);
        }
        return patch;
    }
}
