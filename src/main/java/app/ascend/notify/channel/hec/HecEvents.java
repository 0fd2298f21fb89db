package app.ascend.notify.channel.hec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Truncation;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HEC event as stored and shown in the delivery log: the envelope {@code {"time", "host", "source", "sourcetype",
 * "index", "event"}} (shared/reference/splunk-hec/FACTS.md §3; a metadata key is left out when the channel does not
 * set it, so the token's default applies) with the governance event as {@code event}: the fields a webhook's
 * {@code data} carries, flat enough to search ({@code event.risk_score>=80}). {@code time} is the event's own time in
 * epoch seconds with milliseconds; {@link HecRequestBody} writes it as a plain decimal whatever the stored JSON became.
 * The delivery id is added when sent ({@link HecRequestBody}), as it is not known yet.
 */
final class HecEvents {
    /** Splunk's default {@code maxEventSize} is 5 MB (FACTS.md §4); details beyond this are cut, the event stays small. */
    static final int MAX_DETAILS_BYTES = 100_000;
    static final int SUMMARY_MAX_CODE_POINTS = 1024;
    static final String TEST_EVENT_TYPE = "test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HecEvents() {
    }

    static ObjectNode event(ChannelRef channel, GovernanceEvent e, String organizationName) {
        ObjectNode root = envelope(channel, e.occurredAt());
        ObjectNode event = root.putObject("event");
        event.put("id", e.id());
        event.put("event_type", e.type().wireName());
        event.put("action", e.type().action().name().toLowerCase(Locale.ROOT));
        event.put("dedup_key", DedupKeys.forEvent(e));
        event.put("occurred_at", e.occurredAt().toString());
        event.putObject("organization").put("id", e.organizationId()).put("name", organizationName);
        channelOf(event, channel);
        event.put("action_id", e.actionId());
        event.put("agent_id", e.agentId());
        event.put("action_type", e.actionType());
        event.put("resource", e.resource());
        if (e.riskScore() == null) {
            event.putNull("risk_score");
        } else {
            event.put("risk_score", e.riskScore());
        }
        event.put("risk_level", RiskLevel.of(e).map(RiskLevel::wireName).orElse(null));
        event.put("policy_name", e.policyName());
        event.put("user", e.user());
        event.put("source_ip", e.sourceIp());
        event.put("summary", e.summary() == null ? null : Truncation.toCodePoints(e.summary(), SUMMARY_MAX_CODE_POINTS));
        if (e.details() == null) {
            event.putNull("details");
        } else if (JSON.writeValueAsBytes(e.details()).length <= MAX_DETAILS_BYTES) {
            event.set("details", e.details().deepCopy());
        } else {
            event.putNull("details");
            event.put("details_excerpt", Truncation.toCodePoints(JSON.writeValueAsString(e.details()), MAX_DETAILS_BYTES / 4));
        }
        return root;
    }

    /** "Send Test Alert": event type {@code test}, action {@code trigger} or {@code resolve}. */
    static ObjectNode test(ChannelRef channel, String summary, String dedupKey, String organizationName, MessageKind kind,
            Instant now) {
        ObjectNode root = envelope(channel, now);
        ObjectNode event = root.putObject("event");
        event.putNull("id");
        event.put("event_type", TEST_EVENT_TYPE);
        event.put("action", kind == MessageKind.RESOLVE ? "resolve" : "trigger");
        event.put("dedup_key", dedupKey);
        event.put("occurred_at", now.toString());
        event.putObject("organization").put("id", channel == null ? null : channel.organizationId())
                .put("name", organizationName);
        channelOf(event, channel);
        event.put("risk_level", RiskLevel.LOW.wireName());
        event.put("summary", Truncation.toCodePoints(summary, SUMMARY_MAX_CODE_POINTS));
        return root;
    }

    /** Epoch seconds with milliseconds: {@code 1791048401.679}. */
    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static ObjectNode envelope(ChannelRef channel, Instant time) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("time", seconds(time));
        HecSettings settings = channel == null ? null : (HecSettings) channel.settings();
        if (settings != null) {
            putIfSet(root, "host", settings.host());
            putIfSet(root, "source", settings.source());
            putIfSet(root, "sourcetype", settings.sourcetype());
            putIfSet(root, "index", settings.index());
        }
        return root;
    }

    private static void putIfSet(ObjectNode root, String field, String value) {
        if (value != null) {
            root.put(field, value);
        }
    }

    private static void channelOf(ObjectNode event, ChannelRef channel) {
        event.putObject("channel").put("id", channel == null ? null : channel.id())
                .put("name", channel == null ? null : channel.name());
    }
}
