package app.ascend.notify.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Teams Workflows webhook needs of a post to show a card (shared/reference/teams/FACTS.md §3, §5, §7): a
 * JSON object with {@code "type": "message"} and {@code attachments}, the first with {@code contentType}
 * {@code application/vnd.microsoft.card.adaptive} and a {@code content} that is an {@code AdaptiveCard} of
 * {@code version} at most 1.5 with a {@code body}; no {@code Action.Submit} (webhook cards cannot submit); at most
 * {@link #MAX_BYTES}. Returns the problems, empty when the card would be posted.
 */
final class TeamsCardCheck {
    /** "28 KB" (https://learn.microsoft.com/connectors/teams/, "Known issues and limitations"). */
    static final int MAX_BYTES = 28 * 1024;
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");
    private static final JsonMapper JSON = JsonMapper.shared();

    private TeamsCardCheck() {
    }

    /** The parsed body, or null when it is not JSON (a problem is added). */
    static JsonNode parse(byte[] body, List<String> problems) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                problems.add("the body is not a JSON object");
                return null;
            }
            return node;
        } catch (JacksonException e) {
            problems.add("the body is not JSON");
            return null;
        }
    }

    static List<String> problems(byte[] body) {
        List<String> problems = new ArrayList<>();
        if (body.length > MAX_BYTES) {
            problems.add("Request Entity too large: " + body.length + " bytes, over " + MAX_BYTES);
        }
        JsonNode message = parse(body, problems);
        if (message == null) {
            return problems;
        }
        if (!"message".equals(text(message, "type"))) {
            problems.add("type must be \"message\"");
        }
        JsonNode attachments = message.get("attachments");
        if (attachments == null || !attachments.isArray() || attachments.isEmpty()) {
            problems.add("attachments must be a non-empty array");
            return problems;
        }
        JsonNode attachment = attachments.get(0);
        if (!CONTENT_TYPE.equals(text(attachment, "contentType"))) {
            problems.add("attachments[0].contentType must be " + CONTENT_TYPE);
        }
        JsonNode card = attachment.get("content");
        if (card == null || !card.isObject()) {
            problems.add("attachments[0].content must be the card object");
            return problems;
        }
        if (!"AdaptiveCard".equals(text(card, "type"))) {
            problems.add("attachments[0].content.type must be \"AdaptiveCard\"");
        }
        String version = text(card, "version");
        if (version == null || !VERSIONS.contains(version)) {
            problems.add("attachments[0].content.version must be 1.0 to 1.5, was " + version);
        }
        JsonNode cardBody = card.get("body");
        if (cardBody == null || !cardBody.isArray() || cardBody.isEmpty()) {
            problems.add("attachments[0].content.body must be a non-empty array");
        }
        JsonNode actions = card.get("actions");
        if (actions != null && actions.isArray()) {
            for (int i = 0; i < actions.size(); i++) {
                String type = text(actions.get(i), "type");
                if ("Action.Submit".equals(type)) {
                    problems.add("attachments[0].content.actions[" + i + "]: Action.Submit is not supported in webhook cards");
                } else if ("Action.OpenUrl".equals(type) && text(actions.get(i), "url") == null) {
                    problems.add("attachments[0].content.actions[" + i + "].url is required");
                }
            }
        }
        return problems;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
