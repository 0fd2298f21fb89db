package app.ascend.notify.channel.slack;

import app.ascend.notify.channel.spi.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Slack channel keeps of a delivered alert ({@link SendResult#remoteRef()}), for its follow-ups: the
 * message's {@code channel} and {@code ts} (its id, which {@code chat.update} and {@code thread_ts} take, [D4],
 * [D5]; bot mode only: an incoming webhook returns no {@code ts}, FACTS.md §1), and the alert's title, level,
 * dedup key and summary (cut), so that an update shows them and a follow-up posted as a new message quotes them.
 * Stored as compact JSON, at most {@link SendResult#REMOTE_REF_MAX} characters.
 */
record SlackRemoteRef(String channel, String ts, String title, String level, String dedupKey, String summary) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean canUpdate() {
        return channel != null && ts != null;
    }

    /** The alert's reference from its stored payload's {@code ascend} object and Slack's answer (null for a webhook). */
    static SlackRemoteRef of(JsonNode meta, String channel, String ts) {
        return new SlackRemoteRef(channel, ts, text(meta, "title"), text(meta, "level"), text(meta, "dedup_key"),
                text(meta, "summary"));
    }

    String encoded() {
        String summaryLeft = summary;
        while (true) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("channel", channel);
            node.put("ts", ts);
            node.put("title", title);
            node.put("level", level);
            node.put("dedup_key", dedupKey);
            node.put("summary", summaryLeft);
            String json = JSON.writeValueAsString(node);
            if (json.length() <= SendResult.REMOTE_REF_MAX || summaryLeft == null || summaryLeft.isEmpty()) {
                return json.length() <= SendResult.REMOTE_REF_MAX ? json : null;
            }
            // Escapes (\\uXXXX for control characters) can make the JSON longer than its text: cut more.
            int codePoints = summaryLeft.codePointCount(0, summaryLeft.length());
            summaryLeft = codePoints <= 1 ? "" : SlackLimits.cut(summaryLeft, codePoints / 2);
        }
    }

    /** The reference a follow-up was given, or null when there is none or it cannot be read. */
    static SlackRemoteRef decode(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(ref);
            if (!node.isObject()) {
                return null;
            }
            return new SlackRemoteRef(text(node, "channel"), text(node, "ts"), text(node, "title"), text(node, "level"),
                    text(node, "dedup_key"), text(node, "summary"));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.stringValue();
    }
}
