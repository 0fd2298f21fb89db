package app.ascend.notify.channel.slack;

import app.ascend.notify.channel.spi.Truncation;

/**
 * Slack's message limits (FACTS.md §5), every text cut by code points ({@link Truncation}) rather than refused.
 * Whether Slack counts code points or UTF-16 units is not documented (FACTS.md §9.6): texts are cut a margin
 * below each limit, so a message of astral characters (two UTF-16 units each) still fits.
 */
final class SlackLimits {
    /** Blocks per message (https://docs.slack.dev/reference/block-kit/blocks, [D11]). */
    static final int MAX_BLOCKS = 50;
    /** {@code header.text}, plain text only, at most 150 characters ([D9]). */
    static final int HEADER = 150;
    /** {@code section.text}, 1 to 3000 characters ([D8]). */
    static final int SECTION_TEXT = 3000;
    /** {@code section.fields}: at most 10, each at most 2000 characters ([D8]). */
    static final int FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    /** Button text at most 75 characters, url at most 3000 ([D10]). */
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_URL = 3000;
    /** {@code actions} block: at most 25 elements; {@code context}: at most 10 ([C2]). */
    static final int ACTION_ELEMENTS = 25;
    static final int CONTEXT_ELEMENTS = 10;
    /** Top-level {@code text}: best at most 4,000 characters ([D4] "Truncating content"). */
    static final int TEXT = 4000;
    /**
     * The summary is cut to this much: below the section limit, and keeping all block text well under the
     * ~12,000 characters past which Slack answers {@code msg_blocks_too_long} (undocumented, [I5], FACTS.md §5).
     */
    static final int SUMMARY = 2900;
    private SlackLimits() {
    }

    /** {@code text} cut to {@code max}, counted so it fits whether Slack counts code points or UTF-16 units. */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = Truncation.toCodePoints(text, max);
        while (cut.length() > max) { // astral characters: two UTF-16 units each
            int codePoints = cut.codePointCount(0, cut.length());
            cut = Truncation.toCodePoints(text, codePoints - (cut.length() - max) - 1 < 1 ? 1
                    : codePoints - (cut.length() - max) - 1);
        }
        return cut;
    }

    /**
     * {@code raw} escaped for {@code mrkdwn} (Slack: replace {@code &}, {@code <}, {@code >} with their
     * entities, https://docs.slack.dev/messaging/formatting-message-text#escaping) and cut so the escaped text
     * is at most {@code max}; a cut never splits an entity.
     */
    static String mrkdwn(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String escaped = escape(cut(raw, max));
        if (escaped.length() <= max) {
            return escaped;
        }
        // Entities make the text longer than its characters: the most characters whose escaped form fits.
        int fits = 1;
        int tooMany = max;
        while (tooMany - fits > 1) {
            int middle = (fits + tooMany) >>> 1;
            if (escape(cut(raw, middle)).length() <= max) {
                fits = middle;
            } else {
                tooMany = middle;
            }
        }
        return escape(cut(raw, fits));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
