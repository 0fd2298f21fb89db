package app.ascend.notify.channel.spi;

/**
 * Cutting text to a vendor's limit the way Alertmanager's {@code notify.TruncateInRunes} does: by code
 * points, never splitting a surrogate pair (an emoji is kept whole or dropped whole), the cut marked with
 * "…". Every channel type with a length limit uses this, so a message is cut rather than refused.
 */
public final class Truncation {
    /** What replaces the cut-off tail. */
    public static final String ELLIPSIS = "…";

    private Truncation() {
    }

    /**
     * {@code text} when it has at most {@code maxCodePoints} code points; otherwise its first
     * {@code maxCodePoints - 1} code points followed by "…".
     */
    public static String toCodePoints(String text, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be at least 1: " + maxCodePoints);
        }
        if (text == null || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints - 1);
        return text.substring(0, end) + ELLIPSIS;
    }
}
