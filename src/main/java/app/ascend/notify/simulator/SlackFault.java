package app.ascend.notify.simulator;

import java.time.Duration;

/**
 * A misbehaviour of the Slack stand-in for the next {@code count} requests ({@code -1}: until cleared) to one
 * {@code target} (a webhook name or channel id; null: every target), for testing how a sender reads Slack's answers
 * (shared/reference/slack/FACTS.md §2, §4): an HTTP {@code status} (4xx/5xx) with {@code error} as the body; a Web
 * API {@code error} answered as HTTP 200 {@code {"ok":false,"error":…}}; {@code ratelimited}: 429 with
 * {@code Retry-After: retryAfterSeconds}; {@code delay}: the answer comes this much later.
 */
public record SlackFault(String target, int status, String error, boolean ratelimited, int retryAfterSeconds,
        Duration delay, int count) {

    public SlackFault {
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("'count' must be a positive integer or -1 (until cleared)");
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("'status' must be 4xx or 5xx, was " + status);
        }
        if (error != null && !error.matches("[a-z_]{1,64}")) {
            throw new IllegalArgumentException("'error' must be a Slack error code, e.g. invalid_auth");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("'retry_after' must be >= 0");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("'delay_ms' must be >= 0");
        }
        if (status == 0 && error == null && !ratelimited && delay.isZero()) {
            throw new IllegalArgumentException("A fault needs 'status', 'error', 'ratelimited' or 'delay_ms'");
        }
    }

    public static SlackFault status(String target, int status, int count) {
        return new SlackFault(target, status, null, false, 0, Duration.ZERO, count);
    }

    public static SlackFault error(String target, String error, int count) {
        return new SlackFault(target, 0, error, false, 0, Duration.ZERO, count);
    }

    public static SlackFault ratelimited(String target, int retryAfterSeconds, int count) {
        return new SlackFault(target, 0, null, true, retryAfterSeconds, Duration.ZERO, count);
    }

    boolean appliesTo(String requestTarget) {
        return target == null || target.equals(requestTarget);
    }
}
