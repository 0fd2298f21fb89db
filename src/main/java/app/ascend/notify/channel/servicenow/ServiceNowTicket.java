package app.ascend.notify.channel.servicenow;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Truncation;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.ids.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a delivery stores and sends (the payload holds no secret; the delivery log shows it as it is):
 * <ul>
 * <li>{@code correlation_id}: the dedup key as ServiceNow can hold and query it (below);
 * <li>a trigger's {@code create}, the incident's fields for {@code POST …/incident}, and {@code repeat}, the work
 * note added instead when an open incident of the key already exists;
 * <li>a follow-up's {@code update}, the fields for {@code PATCH …/incident/{sys_id}}: a resolve sets the state, the
 * Resolution code and notes (FACTS.md §5); an acknowledge adds a work note only (it changes no state: whether the
 * team works on it is theirs to say in ServiceNow).
 * </ul>
 * Limits (FACTS.md §4, [CASE]): {@code short_description} 160, {@code description}, {@code close_notes} and a work
 * note 4000, cut by code points ({@link Truncation}). Whether ServiceNow cuts or refuses longer text is unconfirmed
 * (§9.6), so nothing longer is sent.
 */
final class ServiceNowTicket {
    static final int SHORT_DESCRIPTION_MAX = 160;
    static final int TEXT_MAX = 4000;
    static final int CORRELATION_ID_MAX = 100;
    static final int DETAILS_MAX = 2000;
    /** {@code correlation_display}: the integration's name, as integrations conventionally set it (§4, unconfirmed). */
    static final String CORRELATION_DISPLAY = "ASCEND Notify";
    /**
     * What a correlation id may hold as it is: ≤ 100 characters (§4) of letters, digits and {@code . _ : -}, which
     * cannot change the encoded query it is looked up with ({@code ^}, {@code =} and {@code @} could, §2, §8).
     */
    static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + CORRELATION_ID_MAX + "}");
    static final String HASHED_PREFIX = "ascend-sha256-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String publicUrl;

    ServiceNowTicket(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The key itself when it is safe; otherwise {@code ascend-sha256-} and its SHA-256, the same for every event of it. */
    static String correlationId(String dedupKey) {
        return SAFE_KEY.matcher(dedupKey).matches() ? dedupKey : HASHED_PREFIX + Sha256.hex(dedupKey);
    }

    ObjectNode event(GovernanceEvent e, String organizationName, ServiceNowSettings settings) {
        String dedupKey = DedupKeys.forEvent(e);
        MessageKind kind = switch (e.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        ObjectNode payload = base(kind, dedupKey, e.type().wireName(), e.occurredAt());
        if (kind == MessageKind.TRIGGER) {
            Optional<RiskLevel> level = RiskLevel.of(e);
            String title = level.map(l -> "[" + l.wireName().toUpperCase(Locale.ROOT) + "] ").orElse("")
                    + typeTitle(e.type()) + ": " + summaryOf(e);
            ImpactUrgency iu = settings.forLevel(level.map(RiskLevel::wireName).orElse("medium"));
            payload.set("create", create(title, description(e, organizationName, dedupKey, level), iu, dedupKey, settings));
            payload.put("repeat", cut("ASCEND Notify: the alert fired again (" + e.type().wireName() + ", event " + e.id()
                    + " at " + e.occurredAt() + "): " + summaryOf(e), TEXT_MAX));
            return payload;
        }
        String who = hasText(e.user()) ? " by " + e.user() : "";
        String line = "ASCEND Notify: the action was " + stateOf(e.type()) + who + " at " + e.occurredAt() + " ("
                + e.type().wireName() + ", event " + e.id() + ")" + (hasText(e.summary()) ? ": " + e.summary() : "");
        payload.set("update", update(kind, line, settings));
        return payload;
    }

    ObjectNode test(String summary, String dedupKey, String organizationName, String channelName, MessageKind kind,
            Instant now, ServiceNowSettings settings) {
        boolean resolve = kind == MessageKind.RESOLVE;
        ObjectNode payload = base(resolve ? MessageKind.RESOLVE : MessageKind.TEST, dedupKey, "test", now);
        if (resolve) {
            payload.set("update", update(MessageKind.RESOLVE, "ASCEND Notify: the test alert was resolved at " + now,
                    settings));
            return payload;
        }
        String description = "A test alert from ASCEND Notify" + (channelName == null ? "" : " (channel \"" + channelName
                + "\")") + (organizationName == null ? "" : " for " + organizationName) + ", sent at " + now
                + ". It is resolved right away.\n\nDedup key: " + dedupKey;
        payload.set("create", create("[TEST] " + summary, description, settings.forLevel("low"), dedupKey, settings));
        payload.put("repeat", "ASCEND Notify: the test alert was sent again at " + now);
        return payload;
    }

    private static ObjectNode base(MessageKind kind, String dedupKey, String eventType, Instant at) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ObjectNode ascend = payload.putObject("ascend");
        ascend.put("kind", kind.wireName());
        ascend.put("dedup_key", dedupKey);
        ascend.put("event_type", eventType);
        ascend.put("at", at.toString());
        payload.put("correlation_id", correlationId(dedupKey));
        return payload;
    }

    /** The {@code POST} body: string values, as ServiceNow stores every field (§1); never {@code priority} (§4). */
    private static ObjectNode create(String title, String description, ImpactUrgency iu, String dedupKey,
            ServiceNowSettings settings) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("short_description", Truncation.toCodePoints(title, SHORT_DESCRIPTION_MAX));
        fields.put("description", cut(description, TEXT_MAX));
        fields.put("impact", iu.impact());
        fields.put("urgency", iu.urgency());
        fields.put("correlation_id", correlationId(dedupKey));
        fields.put("correlation_display", CORRELATION_DISPLAY);
        if (settings.assignmentGroup() != null) {
            fields.put("assignment_group", settings.assignmentGroup());
        }
        if (settings.category() != null) {
            fields.put("category", settings.category());
        }
        return fields;
    }

    /**
     * A resolve: the configured state, Resolution code and notes (the base UI requires both; whether REST does
     * depends on the instance, §5, §9.1: always sent) plus the line as a work note; an acknowledge: the work note.
     */
    private static ObjectNode update(MessageKind kind, String line, ServiceNowSettings settings) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if (kind == MessageKind.RESOLVE) {
            fields.put("state", settings.resolveState());
            fields.put("close_code", settings.closeCode());
            String notes = settings.closeNotes() == null ? line : settings.closeNotes() + "\n\n" + line;
            fields.put("close_notes", cut(notes, TEXT_MAX));
        }
        fields.put("work_notes", cut(line, TEXT_MAX));
        return fields;
    }

    private String description(GovernanceEvent e, String organizationName, String dedupKey, Optional<RiskLevel> level) {
        StringBuilder text = new StringBuilder(summaryOf(e)).append("\n\n");
        line(text, "Event type", e.type().wireName());
        line(text, "Risk level", level.map(RiskLevel::wireName).orElse(null));
        line(text, "Risk score", e.riskScore() == null ? null : e.riskScore().toString());
        line(text, "Agent", e.agentId());
        line(text, "Action type", e.actionType());
        line(text, "Resource", e.resource());
        line(text, "Policy", e.policyName());
        line(text, "User", e.user());
        line(text, "Source IP", e.sourceIp());
        line(text, "Organization", organizationName);
        line(text, "Occurred at", e.occurredAt().toString());
        line(text, "Event id", e.id());
        line(text, "Action id", e.actionId());
        line(text, "Dedup key", dedupKey);
        if (publicUrl != null && hasText(e.actionId())) {
            line(text, "View in ASCEND", publicUrl + "/actions/" + java.net.URLEncoder.encode(e.actionId(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (e.details() != null && !e.details().isEmpty()) {
            text.append("\nDetails:\n").append(cut(JSON.writeValueAsString(e.details()), DETAILS_MAX));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (hasText(value)) {
            text.append(label).append(": ").append(cut(value, 500)).append('\n');
        }
    }

    static String summaryOf(GovernanceEvent e) {
        if (hasText(e.summary())) {
            return e.summary();
        }
        StringJoiner text = new StringJoiner(" ");
        if (e.actionType() != null) {
            text.add(e.actionType());
        }
        if (e.resource() != null) {
            text.add("on " + e.resource());
        }
        if (e.agentId() != null) {
            text.add("by " + e.agentId());
        }
        return text.length() == 0 ? "event " + e.id() : text.toString();
    }

    private static String typeTitle(EventType type) {
        return switch (type) {
            case ACTION_BLOCKED -> "Action blocked";
            case POLICY_VIOLATION -> "Policy violation";
            case AUTH_FAILED -> "Authentication failed";
            case AUTH_MFA_FAILED -> "MFA failed";
            case ANOMALY_DETECTED -> "Anomaly detected";
            default -> type.wireName();
        };
    }

    private static String stateOf(EventType type) {
        return switch (type) {
            case ACTION_APPROVED -> "approved";
            case ACTION_ACKNOWLEDGED -> "acknowledged";
            default -> "resolved";
        };
    }

    static String cut(String text, int max) {
        return Truncation.toCodePoints(text, max);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.stringValue();
    }
}
