package app.ascend.notify.channel.syslog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.Changes;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.Notices;
import app.ascend.notify.event.RiskLevel;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a CEF record: the mapping docs/siem.md documents ("Syslog over TLS (CEF)"). Keys and their limits
 * are the CEF dictionary's (FACTS.md §4, as reproduced by Elastic's {@code keys.go} and vendor guides); each custom
 * field carries its Label, and the built-in keys come first as Microsoft advises (https://learn.microsoft.com/azure/sentinel/cef-name-mapping).
 *
 * <ul>
 * <li>Header: vendor {@code Ascend}, product {@code Ascend Notify}, our version, event class id = the event type
 * ({@code action.blocked}; {@code test} for a test alert), name = the type's title, severity per {@link #severity}.</li>
 * <li>{@code rt} event time (epoch ms), {@code cat} what it does to the alert (trigger, resolve, acknowledge, test),
 * {@code act} action type, {@code suser} agent, {@code duser} the event's user, {@code src} source IPv4
 * ({@code c6a2} for IPv6), {@code msg} summary, {@code externalId} event id, {@code request} the "View in Ascend"
 * link, {@code cn1} risk score, {@code cs1} resource, {@code cs2} policy, {@code cs3} risk level, {@code cs4} action
 * id, {@code cs5} dedup key, {@code cs6} details (JSON), {@code flexString1} organization.</li>
 * </ul>
 * A field the event lacks is left out, never sent empty.
 */
final class CefMapper {
    static final String VENDOR = "Ascend";
    static final String PRODUCT = "Ascend Notify";
    /** The dictionary's lengths (FACTS.md §4): String 63, 1023, 4000; externalId 40. */
    static final int ACT_MAX = 63;
    static final int STRING_MAX = 1023;
    static final int CUSTOM_STRING_MAX = 4000;
    static final int EXTERNAL_ID_MAX = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;
    private final String publicUrl;

    /** {@code publicUrl}: ASCEND's base URL for the {@code request} link, or blank for none. */
    CefMapper(String version, String publicUrl) {
        this.version = version;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    CefRecord event(GovernanceEvent e, String organizationName) {
        Optional<RiskLevel> level = RiskLevel.of(e);
        List<CefRecord.Field> f = new ArrayList<>();
        add(f, "rt", Long.toString(e.occurredAt().toEpochMilli()), STRING_MAX);
        add(f, "cat", kindOf(e.type()).wireName(), STRING_MAX);
        add(f, "act", e.actionType(), ACT_MAX);
        add(f, "suser", e.agentId(), STRING_MAX);
        add(f, "duser", e.user(), STRING_MAX);
        sourceAddress(f, e.sourceIp());
        add(f, "msg", summaryOf(e), STRING_MAX);
        add(f, "externalId", e.id(), EXTERNAL_ID_MAX);
        if (publicUrl != null && e.type().action() == EventType.Action.CHANGE) {
            // A change belongs to no action: the link is the event itself in the console.
            add(f, "request", publicUrl + "/#/events/" + URLEncoder.encode(e.id(), StandardCharsets.UTF_8), STRING_MAX);
        } else if (publicUrl != null && hasText(e.actionId())) {
            add(f, "request", publicUrl + "/actions/" + URLEncoder.encode(e.actionId(), StandardCharsets.UTF_8)
                    .replace("+", "%20"), STRING_MAX);
        }
        if (e.riskScore() != null) {
            add(f, "cn1", e.riskScore().toString(), STRING_MAX);
            add(f, "cn1Label", "Risk Score", STRING_MAX);
        }
        labelled(f, 1, "Resource", e.resource());
        labelled(f, 2, "Policy", e.policyName());
        labelled(f, 3, "Risk Level", level.map(RiskLevel::wireName).orElse(null));
        labelled(f, 4, "Action ID", e.actionId());
        labelled(f, 5, "Dedup Key", DedupKeys.forEvent(e));
        labelled(f, 6, "Details", e.details() == null ? null : JSON.writeValueAsString(e.details()));
        String organization = hasText(organizationName) ? organizationName : e.organizationId();
        if (hasText(organization)) {
            add(f, "flexString1", organization, STRING_MAX);
            add(f, "flexString1Label", "Organization", STRING_MAX);
        }
        return new CefRecord(VENDOR, PRODUCT, version, e.type().wireName(), title(e.type()), severity(e), f);
    }

    /** "Send Test Alert": a Low test event, or the one saying it is resolved. */
    CefRecord test(String summary, String dedupKey, String organizationName, String channelName, MessageKind kind,
            long epochMillis) {
        boolean resolve = kind == MessageKind.RESOLVE;
        List<CefRecord.Field> f = new ArrayList<>();
        add(f, "rt", Long.toString(epochMillis), STRING_MAX);
        add(f, "cat", resolve ? MessageKind.RESOLVE.wireName() : MessageKind.TEST.wireName(), STRING_MAX);
        add(f, "msg", summary, STRING_MAX);
        labelled(f, 5, "Dedup Key", dedupKey);
        if (hasText(channelName)) {
            add(f, "flexString2", channelName, STRING_MAX);
            add(f, "flexString2Label", "Channel", STRING_MAX);
        }
        if (hasText(organizationName)) {
            add(f, "flexString1", organizationName, STRING_MAX);
            add(f, "flexString1Label", "Organization", STRING_MAX);
        }
        return new CefRecord(VENDOR, PRODUCT, version, resolve ? "test.resolved" : "test",
                resolve ? "ASCEND test alert resolved" : "ASCEND test alert", resolve ? FOLLOW_UP_SEVERITY : 3, f);
    }

    /** An approval, resolve or acknowledge is good news whatever the risk it carries: Low; so is a notice (news). */
    static final int FOLLOW_UP_SEVERITY = 1;
    /** A change (policy changed, agent deployed) that carries no risk is information: Low. */
    static final int CHANGE_SEVERITY = 1;

    /**
     * CEF severity 0–10 for a trigger: its risk score divided by ten when the score is in the event's risk band
     * (the product's bands 90–100, 70–89, 40–69, 0–39 then land in Sentinel's Very-High, High, Medium and Low:
     * 9–10, 7–8, 4–6, 0–3); otherwise the band's own value (critical 10, high 8, medium 5, low 2). A follow-up is
     * {@link #FOLLOW_UP_SEVERITY}.
     */
    static int severity(GovernanceEvent e) {
        if (e.type().action() == EventType.Action.CHANGE && e.riskScore() == null && e.riskLevel() == null) {
            return CHANGE_SEVERITY; // a change carrying a risk is scored like a trigger, below
        }
        if (e.type().action() != EventType.Action.TRIGGER && e.type().action() != EventType.Action.CHANGE) {
            return FOLLOW_UP_SEVERITY;
        }
        Optional<RiskLevel> level = RiskLevel.of(e);
        if (level.isEmpty()) {
            return FOLLOW_UP_SEVERITY;
        }
        if (e.riskScore() != null && RiskLevel.ofScore(e.riskScore()) == level.get()) {
            return Math.max(0, Math.min(10, e.riskScore() / 10));
        }
        return switch (level.get()) {
            case CRITICAL -> 10;
            case HIGH -> 8;
            case MEDIUM -> 5;
            case LOW -> 2;
        };
    }

    static MessageKind kindOf(EventType type) {
        return switch (type.action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
    }

    static String title(EventType type) {
        return switch (type) {
            case ACTION_BLOCKED -> "Action blocked";
            case POLICY_VIOLATION -> "Policy violation";
            case AUTH_FAILED -> "Authentication failed";
            case AUTH_MFA_FAILED -> "MFA failed";
            case ANOMALY_DETECTED -> "Anomaly detected";
            case ACTION_APPROVED -> "Action approved";
            case ACTION_RESOLVED -> "Action resolved";
            case ACTION_ACKNOWLEDGED -> "Action acknowledged";
            case INCIDENT_ACKNOWLEDGED, INCIDENT_UNACKNOWLEDGED, INCIDENT_RESOLVED, INCIDENT_REOPENED, INCIDENT_UPDATED ->
                    Notices.title(type);
            case POLICY_CHANGED, AGENT_DEPLOYED, AGENT_PERMISSIONS_CHANGED -> Changes.title(type);
        };
    }

    /** {@code src} is an IPv4 address in the dictionary; an IPv6 one goes in {@code c6a2} ("Source IPv6 Address"). */
    private static void sourceAddress(List<CefRecord.Field> f, String ip) {
        if (!hasText(ip)) {
            return;
        }
        if (ip.contains(":")) {
            add(f, "c6a2", ip, STRING_MAX);
            add(f, "c6a2Label", "Source IPv6 Address", STRING_MAX);
        } else {
            add(f, "src", ip, STRING_MAX);
        }
    }

    private static void labelled(List<CefRecord.Field> f, int slot, String label, String value) {
        if (hasText(value)) {
            add(f, "cs" + slot, value, CUSTOM_STRING_MAX);
            add(f, "cs" + slot + "Label", label, STRING_MAX);
        }
    }

    private static void add(List<CefRecord.Field> f, String key, String value, int max) {
        if (hasText(value)) {
            f.add(new CefRecord.Field(key, value, max));
        }
    }

    private static String summaryOf(GovernanceEvent e) {
        if (e.type().action() == EventType.Action.CHANGE) {
            return Changes.sentence(e);
        }
        if (hasText(e.summary())) {
            return e.summary();
        }
        StringJoiner text = new StringJoiner(" ");
        text.add(title(e.type()));
        if (e.actionType() != null) {
            text.add(e.actionType());
        }
        if (e.resource() != null) {
            text.add("on " + e.resource());
        }
        if (e.agentId() != null) {
            text.add("by " + e.agentId());
        }
        return text.toString();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
