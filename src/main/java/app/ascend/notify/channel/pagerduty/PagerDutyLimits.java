package app.ascend.notify.channel.pagerduty;

import java.util.regex.Pattern;

import app.ascend.notify.channel.spi.Truncation;

/**
 * PagerDuty Events API v2 limits, as named constants beside their source (FACTS.md §2, §9, §10).
 * We check them ourselves so that PagerDuty's 400 is never the first check.
 */
public final class PagerDutyLimits {

    /**
     * {@code payload.summary}: "Max 1024 characters"; longer ones are rejected with 400 ([D2], [I4], [I5]).
     * Counted in Unicode code points like Alertmanager's {@code maxV2SummaryLenRunes} ([C1]); PagerDuty's
     * own counting unit is unconfirmed (FACTS.md §11.6).
     */
    public static final int SUMMARY_MAX_CODE_POINTS = 1024;

    /**
     * {@code dedup_key}: max 255 characters ([D2]). We count UTF-16 units ({@link String#length()}),
     * which bounds the code-point count too, so the key fits whichever unit PagerDuty uses.
     */
    public static final int DEDUP_KEY_MAX_LENGTH = 255;

    /** Whole event: "512 KB maximum payload" ([D1] Size Limits), read as 512 000 bytes like Alertmanager ([C1]). */
    public static final int MAX_EVENT_BYTES = 512_000;

    /** {@code routing_key}: exactly 32 characters, alphanumeric only (live 400s, [I2], [I3]). */
    public static final int ROUTING_KEY_LENGTH = 32;

    /** What replaces the cut-off tail of a truncated text, as Alertmanager does ({@code notify.TruncateInRunes}). */
    public static final String ELLIPSIS = Truncation.ELLIPSIS;

    private static final Pattern ROUTING_KEY = Pattern.compile("[A-Za-z0-9]{" + ROUTING_KEY_LENGTH + "}");

    private PagerDutyLimits() {
    }

    /** The summary cut to {@link #SUMMARY_MAX_CODE_POINTS}, ending with "…" when it was cut. */
    public static String truncateSummary(String summary) {
        return truncateCodePoints(summary, SUMMARY_MAX_CODE_POINTS);
    }

    /**
     * {@code text} when it has at most {@code maxCodePoints} code points; otherwise its first
     * {@code maxCodePoints - 1} code points followed by "…". Works on code points, so a surrogate pair
     * (an emoji, say) is kept whole or dropped whole, never split.
     */
    public static String truncateCodePoints(String text, int maxCodePoints) {
        return Truncation.toCodePoints(text, maxCodePoints);
    }

    /**
     * Whether PagerDuty would accept this as a {@code routing_key}: 32 ASCII letters or digits.
     * Aliases such as the product page's {@code security-on-call} are not keys (FACTS.md §10).
     */
    public static boolean isValidRoutingKey(String routingKey) {
        return routingKey != null && ROUTING_KEY.matcher(routingKey).matches();
    }
}
