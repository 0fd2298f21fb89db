package app.ascend.notify.simulator;

import tools.jackson.databind.JsonNode;

/**
 * Checks a Slack message body against Block Kit's limits as Slack states them (shared/reference/slack/FACTS.md §5:
 * 50 blocks; header plain text ≤ 150; section text ≤ 3000, fields ≤ 10 of ≤ 2000; button text ≤ 75, url ≤ 3000;
 * actions ≤ 25 elements, context ≤ 10; {@code text} or {@code blocks} present). Lengths are counted in code points;
 * Slack's own unit is unconfirmed (FACTS.md §9.6). Answers the error code Slack would give, or null when it fits.
 */
final class SlackBlockCheck {
    static final int MAX_BLOCKS = 50;
    static final int HEADER = 150;
    static final int SECTION_TEXT = 3000;
    static final int FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_URL = 3000;

    private SlackBlockCheck() {
    }

    /** {@code no_text}, {@code invalid_blocks}, or null. The reason is put in {@code why[0]}. */
    static String check(JsonNode body, String[] why) {
        JsonNode text = body.get("text");
        JsonNode blocks = body.get("blocks");
        boolean hasText = text != null && text.isString() && !text.stringValue().isBlank();
        boolean hasBlocks = blocks != null && blocks.isArray() && !blocks.isEmpty();
        if (!hasText && !hasBlocks) {
            why[0] = "neither text nor blocks";
            return "no_text";
        }
        if (blocks == null || blocks.isNull()) {
            return null;
        }
        if (!blocks.isArray()) {
            why[0] = "blocks is not an array";
            return "invalid_blocks";
        }
        if (blocks.size() > MAX_BLOCKS) {
            why[0] = "more than " + MAX_BLOCKS + " blocks: " + blocks.size();
            return "invalid_blocks";
        }
        for (int i = 0; i < blocks.size(); i++) {
            String problem = block(blocks.get(i));
            if (problem != null) {
                why[0] = "blocks[" + i + "]: " + problem;
                return "invalid_blocks";
            }
        }
        return null;
    }

    private static String block(JsonNode block) {
        String type = block.path("type").asString("");
        switch (type) {
            case "header" -> {
                JsonNode text = block.path("text");
                if (!"plain_text".equals(text.path("type").asString(""))) {
                    return "header text must be plain_text";
                }
                return length(text.path("text"), 1, HEADER, "header text");
            }
            case "section" -> {
                JsonNode text = block.get("text");
                JsonNode fields = block.get("fields");
                if (text == null && fields == null) {
                    return "a section needs text or fields";
                }
                if (text != null) {
                    String problem = length(text.path("text"), 1, SECTION_TEXT, "section text");
                    if (problem != null) {
                        return problem;
                    }
                }
                if (fields != null) {
                    if (!fields.isArray() || fields.size() > FIELDS) {
                        return "at most " + FIELDS + " fields";
                    }
                    for (JsonNode field : fields) {
                        String problem = length(field.path("text"), 1, FIELD_TEXT, "field text");
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }
            case "actions" -> {
                JsonNode elements = block.path("elements");
                if (!elements.isArray() || elements.isEmpty() || elements.size() > 25) {
                    return "actions need 1 to 25 elements";
                }
                for (JsonNode element : elements) {
                    if ("button".equals(element.path("type").asString(""))) {
                        String problem = length(element.path("text").path("text"), 1, BUTTON_TEXT, "button text");
                        if (problem == null && element.has("url")) {
                            problem = length(element.path("url"), 1, BUTTON_URL, "button url");
                        }
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }
            case "context" -> {
                JsonNode elements = block.path("elements");
                return !elements.isArray() || elements.isEmpty() || elements.size() > 10 ? "context needs 1 to 10 elements"
                        : null;
            }
            case "divider", "image", "rich_text", "markdown", "input", "file", "video" -> {
                return null;
            }
            default -> {
                return "unknown block type '" + type + "'";
            }
        }
    }

    private static String length(JsonNode node, int min, int max, String what) {
        if (node == null || !node.isString()) {
            return what + " missing";
        }
        String text = node.stringValue();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            return what + " must be " + min + " to " + max + " characters, was " + length;
        }
        return null;
    }
}
