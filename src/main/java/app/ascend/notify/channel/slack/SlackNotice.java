package app.ascend.notify.channel.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice ({@code incident.acknowledged}, ...: what a destination reported about an incident) as a Slack message:
 * informational, so it never edits the alert. With a bot token and the alert's {@code ts} it is a reply in the
 * alert's thread ({@code chat.postMessage} with {@code thread_ts}, [D4] "Threading"); otherwise a message of its
 * own. The notice's {@code details} say who acted, where and when (docs/architecture.md, "Inbound webhooks").
 */
final class SlackNotice {
    static final String OPEN_TEXT_PREFIX = "Open in ";

    private SlackNotice() {
    }

    static ObjectNode render(GovernanceEvent e, String organizationName, java.util.Optional<ObjectNode> viewButton) {
        JsonNode details = e.details() == null ? null : e.details();
        String where = text(details, "destination");
        String title = SlackMessage.title(e.type()) + (where == null ? "" : " in " + where);
        String summary = e.summary() == null || e.summary().isBlank() ? title : e.summary();
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(SlackMessage.header("ℹ️ " + title));
        blocks.add(SlackMessage.section(SlackLimits.mrkdwn(SlackLimits.cut(summary, SlackLimits.SUMMARY),
                SlackLimits.SECTION_TEXT)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("By", text(details, "by"));
        fields.put("Status there", text(details, "remote_status"));
        fields.put("Reported as", text(details, "remote_event_type"));
        fields.put("Action ID", e.actionId());
        fields.put("Agent", e.agentId());
        fields.put("Action", e.actionType());
        fields.put("Resource", e.resource());
        fields.put("From channel", text(details, "channel_name"));
        fields.put("Organization", organizationName);
        SlackMessage.fields(fields).ifPresent(blocks::add);
        String dedupKey = DedupKeys.forEvent(e);
        blocks.add(SlackMessage.context(e.type().wireName() + " · dedup key " + dedupKey + " · " + e.occurredAt()));
        List<ObjectNode> buttons = new ArrayList<>();
        viewButton.ifPresent(buttons::add);
        String url = text(details, "remote_url");
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            SlackMessage.button(OPEN_TEXT_PREFIX + (where == null ? "the destination" : where), url, "open_remote")
                    .ifPresent(buttons::add);
        }
        SlackMessage.actions(buttons).ifPresent(blocks::add);
        ObjectNode message = SlackMessage.message("ℹ️ " + summary, blocks);
        ObjectNode meta = message.putObject(SlackMessage.META);
        meta.put("kind", MessageKind.NOTICE.wireName());
        meta.put("dedup_key", dedupKey);
        meta.put("event_type", e.type().wireName());
        return message;
    }

    /** The body to post: in the alert's thread when the alert was posted by a bot in this Slack channel. */
    static ObjectNode body(JsonNode payload, SlackRemoteRef original, SlackDestination destination) {
        ObjectNode body = SlackMessage.posted(payload);
        if (destination.isBot()) {
            body.put("channel", destination.channel());
            if (original != null && original.canUpdate() && original.channel().equals(destination.channel())) {
                body.put("thread_ts", original.ts());
            }
        }
        return body;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.path(field).isString()) {
            return null;
        }
        String value = node.path(field).stringValue();
        return value.isBlank() ? null : value;
    }
}
