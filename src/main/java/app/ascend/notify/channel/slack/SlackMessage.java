package app.ascend.notify.channel.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.Changes;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.Notices;
import app.ascend.notify.event.RiskLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Block Kit messages of a Slack channel (https://docs.slack.dev/reference/block-kit/blocks): a header with
 * the severity (the event's risk level), the summary, fields (agent, action, resource, risk score and level,
 * policy, organization, user, source IP), a context line (event type, dedup key, time) and buttons ("View in
 * Ascend", the event type's runbook), with a plain-text {@code text} fallback for notifications and screen
 * readers, which Slack recommends always sending ([D4], FACTS.md §5). Every text is cut to Slack's limits by
 * code points ({@link SlackLimits}), so a message is never refused for its length.
 *
 * <p>The stored payload is the message as posted plus an {@code ascend} object that is never sent: what a
 * follow-up needs to update the original message or quote it ({@link SlackFollowUp}).
 */
final class SlackMessage {
    static final String META = "ascend";
    static final String VIEW_LINK_TEXT = "View in Ascend";
    static final String RUNBOOK_TEXT = "Runbook";
    /** What the kept reference holds of the original's summary (the whole reference fits in 2,000 characters). */
    static final int QUOTED_SUMMARY = 500;

    private final String publicUrl;

    /** {@code publicUrl}: ASCEND's base URL for "View in Ascend", or null/blank for no such button. */
    SlackMessage(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    ObjectNode event(GovernanceEvent e, String organizationName, SlackSettings settings) {
        if (e.type().action() == EventType.Action.NOTICE) {
            return SlackNotice.render(e, organizationName, viewButton(e.actionId()));
        }
        if (e.type().action() == EventType.Action.CHANGE) {
            return change(e, organizationName, settings);
        }
        return e.type().action() == EventType.Action.TRIGGER ? trigger(e, organizationName, settings)
                : followUp(e, organizationName);
    }

    private ObjectNode trigger(GovernanceEvent e, String organizationName, SlackSettings settings) {
        String level = RiskLevel.of(e).map(RiskLevel::wireName).orElse(RiskLevel.LOW.wireName());
        String title = title(e.type());
        String summary = summaryOf(e);
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header(emoji(level) + " " + level.toUpperCase(Locale.ROOT) + " · " + title));
        blocks.add(section(SlackLimits.mrkdwn(SlackLimits.cut(summary, SlackLimits.SUMMARY), SlackLimits.SECTION_TEXT)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Agent", e.agentId());
        fields.put("Action", e.actionType());
        fields.put("Resource", e.resource());
        fields.put("Risk score", e.riskScore() == null ? null : Integer.toString(e.riskScore()));
        fields.put("Risk level", level);
        fields.put("Policy", e.policyName());
        fields.put("Organization", organizationName);
        fields.put("User", e.user());
        fields.put("Source IP", e.sourceIp());
        fields(fields).ifPresent(blocks::add);
        String dedupKey = DedupKeys.forEvent(e);
        blocks.add(context(e.type().wireName() + " · dedup key " + dedupKey + " · " + e.occurredAt()));
        List<ObjectNode> buttons = new ArrayList<>();
        viewButton(e.actionId()).ifPresent(buttons::add);
        settings.runbookFor(e.type()).flatMap(url -> button(RUNBOOK_TEXT, url, "runbook")).ifPresent(buttons::add);
        actions(buttons).ifPresent(blocks::add);
        String text = "[" + level.toUpperCase(Locale.ROOT) + "] " + title + ": " + summary;
        ObjectNode message = message(text, blocks);
        ObjectNode meta = message.putObject(META);
        meta.put("kind", MessageKind.TRIGGER.wireName());
        meta.put("dedup_key", dedupKey);
        meta.put("title", title);
        meta.put("level", level);
        meta.put("summary", SlackLimits.cut(summary, QUOTED_SUMMARY));
        return message;
    }

    /**
     * A change (policy changed, agent deployed, permissions widened): information in a message of its own, never an
     * alert, so no risk colour unless the event carries a risk, and nothing a follow-up would update.
     */
    private ObjectNode change(GovernanceEvent e, String organizationName, SlackSettings settings) {
        String title = title(e.type());
        String summary = Changes.sentence(e);
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header("📝 CHANGE · " + title));
        blocks.add(section(SlackLimits.mrkdwn(SlackLimits.cut(summary, SlackLimits.SUMMARY), SlackLimits.SECTION_TEXT)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Policy", e.policyName());
        fields.put("Agent", e.agentId());
        fields.put("Resource", e.resource());
        fields.put("By", e.user());
        fields.put("Risk level", RiskLevel.of(e).map(RiskLevel::wireName).orElse(null));
        fields.put("Organization", organizationName);
        fields(fields).ifPresent(blocks::add);
        blocks.add(context(e.type().wireName() + " · change (opens no incident) · " + e.occurredAt()));
        List<ObjectNode> buttons = new ArrayList<>();
        if (publicUrl != null) {
            button(VIEW_LINK_TEXT, publicUrl + "/#/events/" + pathSegment(e.id()), "view_in_ascend").ifPresent(buttons::add);
        }
        settings.runbookFor(e.type()).flatMap(url -> button(RUNBOOK_TEXT, url, "runbook")).ifPresent(buttons::add);
        actions(buttons).ifPresent(blocks::add);
        ObjectNode message = message("[CHANGE] " + summary, blocks);
        ObjectNode meta = message.putObject(META);
        meta.put("kind", MessageKind.CHANGE.wireName());
        meta.put("dedup_key", DedupKeys.forEvent(e));
        meta.put("title", title);
        meta.put("event_type", e.type().wireName());
        meta.put("summary", SlackLimits.cut(summary, QUOTED_SUMMARY));
        return message;
    }

    /** An approval, resolve or acknowledge as a message of its own (quoting the alert, when known, at send). */
    private ObjectNode followUp(GovernanceEvent e, String organizationName) {
        MessageKind kind = e.type().action() == EventType.Action.ACKNOWLEDGE ? MessageKind.ACKNOWLEDGE : MessageKind.RESOLVE;
        String state = state(kind);
        String by = e.user() == null || e.user().isBlank() ? null : e.user();
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header(stateEmoji(kind) + " " + state + " · " + title(e.type())));
        String line = stateLine(state, e.type().wireName(), by, e.occurredAt());
        String summary = e.summary() == null || e.summary().isBlank() ? line : e.summary() + "\n" + line;
        blocks.add(section(SlackLimits.mrkdwn(SlackLimits.cut(summary, SlackLimits.SUMMARY), SlackLimits.SECTION_TEXT)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Action ID", e.actionId());
        fields.put("Agent", e.agentId());
        fields.put("Action", e.actionType());
        fields.put("Resource", e.resource());
        fields.put("By", by);
        fields.put("Organization", organizationName);
        fields(fields).ifPresent(blocks::add);
        String dedupKey = DedupKeys.forEvent(e);
        blocks.add(context(e.type().wireName() + " · dedup key " + dedupKey + " · " + e.occurredAt()));
        viewButton(e.actionId()).ifPresent(button -> actions(List.of(button)).ifPresent(blocks::add));
        ObjectNode message = message(state + ": " + title(e.type()) + " (dedup key " + dedupKey + ")"
                + (by == null ? "" : " by " + by), blocks);
        ObjectNode meta = message.putObject(META);
        meta.put("kind", kind.wireName());
        meta.put("dedup_key", dedupKey);
        meta.put("state", state);
        meta.put("event_type", e.type().wireName());
        meta.put("by", by);
        meta.put("at", e.occurredAt().toString());
        return message;
    }

    /** "Send Test Alert": a low-severity test message, or (kind RESOLVE) the follow-up that closes it. */
    ObjectNode test(String channelName, String summary, String dedupKey, String organizationName, MessageKind kind,
            Instant now) {
        String title = "Test alert";
        if (kind == MessageKind.RESOLVE) {
            List<ObjectNode> blocks = new ArrayList<>();
            blocks.add(header(stateEmoji(kind) + " Resolved · " + title));
            String line = stateLine("Resolved", "test", null, now);
            blocks.add(section(SlackLimits.mrkdwn(line, SlackLimits.SECTION_TEXT)));
            blocks.add(context("test · dedup key " + dedupKey + " · " + now));
            ObjectNode message = message("Resolved: " + title + " (dedup key " + dedupKey + ")", blocks);
            ObjectNode meta = message.putObject(META);
            meta.put("kind", MessageKind.RESOLVE.wireName());
            meta.put("dedup_key", dedupKey);
            meta.put("state", "Resolved");
            meta.put("event_type", "test");
            meta.putNull("by");
            meta.put("at", now.toString());
            return message;
        }
        String text = summary == null || summary.isBlank() ? "Test alert from ASCEND Notify" : summary;
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header("🧪 TEST · LOW · " + title));
        blocks.add(section(SlackLimits.mrkdwn(SlackLimits.cut(text, SlackLimits.SUMMARY), SlackLimits.SECTION_TEXT)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Organization", organizationName);
        fields.put("Channel", channelName);
        fields.put("Risk level", RiskLevel.LOW.wireName());
        fields(fields).ifPresent(blocks::add);
        blocks.add(context("test · dedup key " + dedupKey + " · " + now));
        ObjectNode message = message("[TEST] " + text, blocks);
        ObjectNode meta = message.putObject(META);
        meta.put("kind", MessageKind.TEST.wireName());
        meta.put("dedup_key", dedupKey);
        meta.put("title", title);
        meta.put("level", RiskLevel.LOW.wireName());
        meta.put("summary", SlackLimits.cut(text, QUOTED_SUMMARY));
        return message;
    }

    /** The message as posted: the stored payload without what only ASCEND reads. */
    static ObjectNode posted(JsonNode payload) {
        ObjectNode body = ((ObjectNode) payload).deepCopy();
        body.remove(META);
        return body;
    }

    static JsonNode meta(JsonNode payload) {
        return payload.path(META);
    }

    // ---- Block Kit pieces, each within its limit

    static ObjectNode message(String text, List<ObjectNode> blocks) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        // The fallback is plain text in notifications; mrkdwn escaping keeps <, > and & literal ([D4]).
        message.put("text", SlackLimits.mrkdwn(text, SlackLimits.TEXT));
        ArrayNode array = message.putArray("blocks");
        blocks.stream().limit(SlackLimits.MAX_BLOCKS).forEach(array::add);
        return message;
    }

    static ObjectNode header(String text) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "header");
        block.set("text", plainText(SlackLimits.cut(text, SlackLimits.HEADER)));
        return block;
    }

    static ObjectNode section(String mrkdwn) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "section");
        block.set("text", mrkdwnText(mrkdwn == null || mrkdwn.isEmpty() ? " " : mrkdwn));
        return block;
    }

    static java.util.Optional<ObjectNode> fields(Map<String, String> values) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "section");
        ArrayNode fields = block.putArray("fields");
        values.forEach((label, value) -> {
            if (value != null && !value.isBlank() && fields.size() < SlackLimits.FIELDS) {
                String prefix = "*" + label + "*\n";
                fields.add(mrkdwnText(prefix + SlackLimits.mrkdwn(value, SlackLimits.FIELD_TEXT - prefix.length())));
            }
        });
        return fields.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(block);
    }

    static ObjectNode context(String text) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "context");
        block.putArray("elements").add(mrkdwnText(SlackLimits.mrkdwn(text, SlackLimits.FIELD_TEXT)));
        return block;
    }

    static java.util.Optional<ObjectNode> actions(List<ObjectNode> buttons) {
        if (buttons.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "actions");
        ArrayNode elements = block.putArray("elements");
        buttons.stream().limit(SlackLimits.ACTION_ELEMENTS).forEach(elements::add);
        return java.util.Optional.of(block);
    }

    private java.util.Optional<ObjectNode> viewButton(String actionId) {
        if (publicUrl == null || actionId == null || actionId.isBlank()) {
            return java.util.Optional.empty();
        }
        return button(VIEW_LINK_TEXT, publicUrl + "/actions/" + pathSegment(actionId), "view_in_ascend");
    }

    /** A link button; none when the URL is past Slack's 3000 characters (a cut URL would lead nowhere). */
    static java.util.Optional<ObjectNode> button(String text, String url, String actionId) {
        if (url == null || url.length() > SlackLimits.BUTTON_URL) {
            return java.util.Optional.empty();
        }
        ObjectNode button = JsonNodeFactory.instance.objectNode();
        button.put("type", "button");
        button.set("text", plainText(SlackLimits.cut(text, SlackLimits.BUTTON_TEXT)));
        button.put("url", url);
        button.put("action_id", actionId);
        return java.util.Optional.of(button);
    }

    static ObjectNode plainText(String text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "plain_text");
        node.put("text", text == null || text.isEmpty() ? " " : text);
        node.put("emoji", true);
        return node;
    }

    static ObjectNode mrkdwnText(String text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "mrkdwn");
        node.put("text", text);
        return node;
    }

    // ---- Words

    static String title(EventType type) {
        return switch (type) {
            case ACTION_BLOCKED -> "Action blocked";
            case POLICY_VIOLATION -> "Policy violation";
            case AUTH_FAILED -> "Failed sign-in";
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

    static String emoji(String level) {
        return switch (level) {
            case "critical" -> "🔴";
            case "high" -> "🟠";
            case "medium" -> "🟡";
            default -> "🔵";
        };
    }

    static String state(MessageKind kind) {
        return kind == MessageKind.ACKNOWLEDGE ? "Acknowledged" : "Resolved";
    }

    static String stateEmoji(MessageKind kind) {
        return kind == MessageKind.ACKNOWLEDGE ? "👀" : "✅";
    }

    /** "Resolved (action.approved) by alice@example.com at 2026-…": who and when, for the thread reply. */
    static String stateLine(String state, String eventType, String by, Instant at) {
        return state + " (" + eventType + ")" + (by == null ? "" : " by " + by) + " at " + at;
    }

    private static String summaryOf(GovernanceEvent e) {
        if (e.summary() != null && !e.summary().isBlank()) {
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

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
