package app.ascend.notify.channel.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of a follow-up (the action approved, resolved or acknowledged), built at send from its stored
 * payload's {@code ascend} object and the alert's kept reference ({@link SlackRemoteRef}):
 * <ul>
 * <li>bot mode, the alert's {@code ts} known: {@code chat.update} of the alert to show its new state
 * (https://docs.slack.dev/reference/methods/chat.update: blocks replace the old ones), then a thread reply
 * ({@code chat.postMessage} with {@code thread_ts} = the alert's {@code ts}, [D4] "Threading") saying who and when;
 * <li>otherwise (an incoming webhook, or the alert was refused or kept nothing): the follow-up as a message of its
 * own, quoting the alert's summary and dedup key when known.
 * </ul>
 */
final class SlackFollowUp {
    private SlackFollowUp() {
    }

    /** The {@code chat.update} body: the alert, marked with its new state. */
    static ObjectNode update(JsonNode meta, SlackRemoteRef ref) {
        String state = text(meta, "state", "Resolved");
        String level = ref.level() == null ? "" : ref.level().toUpperCase(Locale.ROOT) + " · ";
        String title = ref.title() == null ? "Alert" : ref.title();
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(SlackMessage.header(emoji(meta) + " " + state.toUpperCase(Locale.ROOT) + " · " + level + title));
        if (ref.summary() != null) {
            blocks.add(SlackMessage.section(SlackLimits.mrkdwn(ref.summary(), SlackLimits.SECTION_TEXT)));
        }
        blocks.add(SlackMessage.section("*" + SlackLimits.mrkdwn(line(meta), SlackLimits.SECTION_TEXT - 2) + "*"));
        blocks.add(SlackMessage.context(text(meta, "event_type", "") + " · dedup key " + dedupKey(meta, ref)));
        ObjectNode body = SlackMessage.message(state + ": " + title + (ref.summary() == null ? "" : ": " + ref.summary()),
                blocks);
        body.put("channel", ref.channel());
        body.put("ts", ref.ts());
        return body;
    }

    /** The thread reply under the alert: who changed its state, and when. */
    static ObjectNode threadReply(JsonNode meta, SlackRemoteRef ref) {
        String line = emoji(meta) + " " + line(meta);
        ObjectNode body = SlackMessage.message(line, List.of(SlackMessage.section(SlackLimits.mrkdwn(line,
                SlackLimits.SECTION_TEXT))));
        body.put("channel", ref.channel());
        body.put("thread_ts", ref.ts());
        return body;
    }

    /** The follow-up as a message of its own, quoting the alert (its summary and dedup key) when known. */
    static ObjectNode quoting(JsonNode payload, SlackRemoteRef ref) {
        ObjectNode body = SlackMessage.posted(payload);
        if (ref == null || ref.summary() == null) {
            return body;
        }
        String quote = "> " + SlackLimits.mrkdwn((ref.title() == null ? "Alert" : ref.title()) + ": " + ref.summary(),
                SlackLimits.SECTION_TEXT - 200).replace("\n", "\n> ");
        quote = quote + "\n_dedup key " + SlackLimits.mrkdwn(dedupKey(SlackMessage.meta(payload), ref), 300) + "_";
        ArrayNode blocks = (ArrayNode) body.get("blocks");
        ArrayNode quoted = body.putArray("blocks");
        for (int i = 0; i < blocks.size(); i++) {
            quoted.add(blocks.get(i));
            if (i == 0) {
                quoted.add(SlackMessage.section(SlackLimits.cut(quote, SlackLimits.SECTION_TEXT)));
            }
        }
        while (quoted.size() > SlackLimits.MAX_BLOCKS) {
            quoted.remove(quoted.size() - 1);
        }
        String text = body.path("text").asString("");
        int room = SlackLimits.TEXT - text.length() - 3;
        if (room > 1) { // the fallback is escaped already: add the summary escaped within what is left
            body.put("text", text + " — " + SlackLimits.mrkdwn(ref.summary(), room));
        }
        return body;
    }

    private static String line(JsonNode meta) {
        String by = meta.path("by").isString() ? meta.path("by").stringValue() : null;
        return SlackMessage.stateLine(text(meta, "state", "Resolved"), text(meta, "event_type", "follow-up"), by,
                java.time.Instant.parse(text(meta, "at", java.time.Instant.EPOCH.toString())));
    }

    private static String emoji(JsonNode meta) {
        return "Acknowledged".equals(text(meta, "state", "")) ? "👀" : "✅";
    }

    private static String dedupKey(JsonNode meta, SlackRemoteRef ref) {
        return ref.dedupKey() != null ? ref.dedupKey() : text(meta, "dedup_key", "");
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : otherwise;
    }
}
