package app.ascend.notify.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.ascend.notify.event.Changes;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.time.Rfc3339;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an ingest body, one event object or an array of up to 500, into validated events. Every bad
 * field of every event is reported with its path ({@code [1].risk_score}); one bad event fails the
 * whole batch, so nothing of it is stored.
 */
@Component
public class EventReader {
    public static final int MAX_BATCH = 500;
    public static final int MAX_DETAILS_BYTES = 64 * 1024;
    static final Set<String> FIELDS = Set.of("type", "id", "occurred_at", "action_id", "agent_id", "action_type",
            "resource", "risk_score", "risk_level", "policy_name", "user", "source_ip", "summary", "dedup_key", "details");
    static final List<String> RISK_LEVELS = List.of("critical", "high", "medium", "low");
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public EventReader(Clock clock) {
        this.clock = clock;
    }

    public List<IncomingEvent> read(JsonNode body, String organizationId) {
        FieldErrors errors = new FieldErrors();
        List<IncomingEvent> events = new ArrayList<>();
        if (body != null && body.isArray()) {
            if (body.isEmpty()) {
                errors.add("$", "is an empty list; send one event object or a list of 1 to " + MAX_BATCH);
            } else if (body.size() > MAX_BATCH) {
                errors.add("$", "has " + body.size() + " events; at most " + MAX_BATCH + " per request");
            } else {
                for (int i = 0; i < body.size(); i++) {
                    readOne(body.get(i), "[" + i + "]", organizationId, errors).ifPresent(events::add);
                }
            }
        } else {
            readOne(body, "", organizationId, errors).ifPresent(events::add);
        }
        errors.throwIfAny();
        return events;
    }

    /** One sample event at {@code path} (the test endpoint's {@code "event"}), validated like any other. */
    public IncomingEvent readSample(JsonNode node, String path, String organizationId) {
        FieldErrors errors = new FieldErrors();
        Optional<IncomingEvent> event = readOne(node, path, organizationId, errors);
        errors.throwIfAny();
        return event.orElseThrow();
    }

    private Optional<IncomingEvent> readOne(JsonNode node, String path, String organizationId, FieldErrors errors) {
        Optional<JsonFields> maybe = JsonFields.object(node, path, errors);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        JsonFields f = maybe.get();
        int errorsBefore = errors.list().size();
        f.rejectUnknown(FIELDS);
        EventType type = f.string("type", true, 40).flatMap(name -> {
            Optional<EventType> known = EventType.fromWireName(name);
            if (known.isEmpty()) {
                errors.add(f.path("type"), "unknown event type; known types: " + String.join(", ", EventType.wireNames()));
            } else if (known.get().producedByAscend()) {
                errors.add(f.path("type"), known.get() + " is sent by ASCEND when a destination (e.g. a paging service's "
                        + "webhook) reports that an incident changed there; it cannot be posted");
                return Optional.<EventType>empty();
            }
            return known;
        }).orElse(null);
        String sourceId = text(f, "id", 200);
        Instant occurredAt = f.string("occurred_at", false, 64).flatMap(value -> {
            try {
                return Optional.of(Rfc3339.parse(value));
            } catch (DateTimeParseException e) {
                errors.add(f.path("occurred_at"), "must be an RFC 3339 date-time with offset, e.g. 2026-11-27T10:15:30Z");
                return Optional.empty();
            }
        }).orElse(null);
        String actionId = text(f, "action_id", 248);
        if (actionId == null && f.hasValue("action_id") && f.get("action_id").isString()) {
            // "" would be accepted and name no action: a resolve with it closes nothing, a trigger gets a key
            // of its own that no follow-up can name.
            errors.add(f.path("action_id"), "must not be blank; leave it out, or name the action");
        }
        Integer riskScore = f.integer("risk_score", 0, 100).orElse(null);
        String riskLevel = f.string("risk_level", false, 20).flatMap(level -> {
            if (!RISK_LEVELS.contains(level)) {
                errors.add(f.path("risk_level"), "must be one of: critical, high, medium, low");
                return Optional.empty();
            }
            return Optional.of(level);
        }).orElse(null);
        ObjectNode details = details(f);
        String agentId = text(f, "agent_id", 255);
        String actionType = text(f, "action_type", 255);
        String resource = text(f, "resource", 1000);
        String policyName = text(f, "policy_name", 255);
        String user = text(f, "user", 320);
        String sourceIp = text(f, "source_ip", 100);
        String summary = text(f, "summary", 10_000);
        String dedupKey = text(f, "dedup_key", 1000);
        // A follow-up finds its incident by dedup key (DedupKeys.forEvent): its own dedup_key, else
        // ascend-{action_id}. Either names the incident; without both there is nothing to follow up.
        if (type != null && type.action() != EventType.Action.TRIGGER && type.action() != EventType.Action.CHANGE
                && !f.hasValue("action_id") && dedupKey == null) {
            errors.add(f.path("action_id"), "is required for " + type + " unless dedup_key is given: it names the action "
                    + "whose incident to " + (type.action() == EventType.Action.RESOLVE ? "resolve" : "acknowledge"));
        }
        if (type != null && type.action() == EventType.Action.CHANGE) {
            change(f, type, policyName, agentId, summary, dedupKey, errors);
        }
        if (errors.list().size() > errorsBefore) {
            return Optional.empty();
        }
        GovernanceEvent event = new GovernanceEvent(Ids.newId("evt"), organizationId, type,
                occurredAt != null ? occurredAt : clock.instant(), actionId, agentId, actionType, resource, riskScore,
                riskLevel, policyName, user, sourceIp, summary, dedupKey, details);
        return Optional.of(new IncomingEvent(sourceId, event));
    }

    /**
     * A change ({@code policy.changed}, {@code agent.deployed}, {@code agent.permissions_changed}) names what changed:
     * {@code policy_name} for a policy, {@code agent_id} for an agent, unless a {@code summary} says it. It needs no
     * {@code action_id} (it belongs to no action's incident; one given is kept as context) and takes no
     * {@code dedup_key}: a change opens, acknowledges and closes no incident, so there is nothing to correlate.
     */
    private static void change(JsonFields f, EventType type, String policyName, String agentId, String summary,
            String dedupKey, FieldErrors errors) {
        String subjectField = Changes.subjectField(type);
        String subject = "policy_name".equals(subjectField) ? policyName : agentId;
        if (subject == null && summary == null && !f.hasValue(subjectField)) {
            errors.add(f.path(subjectField), "is required for " + type + " unless summary is given: it names the "
                    + ("policy_name".equals(subjectField) ? "policy" : "agent") + " that changed");
        }
        if (dedupKey != null) {
            errors.add(f.path("dedup_key"), "is not accepted for " + type + ": a change opens, acknowledges and closes "
                    + "no incident, so it has no dedup key; leave it out");
        }
    }

    private static String text(JsonFields f, String field, int max) {
        return f.string(field, false, max).filter(value -> !value.isBlank()).orElse(null);
    }

    private ObjectNode details(JsonFields f) {
        if (!f.hasValue("details")) {
            return null;
        }
        JsonNode details = f.get("details");
        if (!details.isObject()) {
            f.errors().add(f.path("details"), "must be a JSON object");
            return null;
        }
        int size = json.writeValueAsString(details).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_DETAILS_BYTES) {
            f.errors().add(f.path("details"), "is " + size + " bytes; at most " + MAX_DETAILS_BYTES + " (64 KiB)");
            return null;
        }
        return (ObjectNode) details;
    }
}
