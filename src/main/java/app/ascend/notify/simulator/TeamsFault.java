package app.ascend.notify.simulator;

import java.time.Duration;

/**
 * A misbehaviour for the next {@code count} posts to one Teams flow ({@link #UNTIL_CLEARED}: every post until
 * cleared): to test how a sender reads Teams' answers (shared/reference/teams/FACTS.md §4, §7: 202 accepted; 429
 * and 5xx retried with {@code Retry-After}; other 4xx refused).
 *
 * @param status     4xx or 5xx answered instead of running the flow; 0 = none (only {@code delay})
 * @param retryAfter a {@code Retry-After} value sent with {@code status}, or {@code null}
 * @param body       the answer's body, or {@code null} for Power Automate's error shape
 *                   {@code {"error":{"code":…,"message":…}}} (the shape is unconfirmed, FACTS.md §8.4)
 * @param delay      the answer (injected or not) comes this much later
 * @param count      how many posts this applies to, or {@link #UNTIL_CLEARED}
 */
public record TeamsFault(int status, String retryAfter, String body, Duration delay, int count) {

    public static final int UNTIL_CLEARED = -1;

    public TeamsFault {
        if (count == 0 || count < UNTIL_CLEARED) {
            throw new IllegalArgumentException("'count' must be a positive integer or -1 (until cleared), was " + count);
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("'status' must be 4xx or 5xx, was " + status);
        }
        if (retryAfter != null && (status == 0 || !retryAfter.matches("[\\x20-\\x7E]{1,64}"))) {
            throw new IllegalArgumentException("'retry_after' needs a 'status' and must be 1 to 64 printable ASCII characters");
        }
        if (body != null && status == 0) {
            throw new IllegalArgumentException("'body' needs a 'status'");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("'delay_ms' must be >= 0");
        }
        if (status == 0 && delay.isZero()) {
            throw new IllegalArgumentException("A fault needs 'status' or 'delay_ms'");
        }
    }

    public static TeamsFault status(int status, int count) {
        return new TeamsFault(status, null, null, Duration.ZERO, count);
    }

    public static TeamsFault statusWithBody(int status, String body, int count) {
        return new TeamsFault(status, null, body, Duration.ZERO, count);
    }

    public static TeamsFault statusWithRetryAfter(int status, String retryAfter, int count) {
        return new TeamsFault(status, retryAfter, null, Duration.ZERO, count);
    }

    public static TeamsFault delay(Duration delay, int count) {
        return new TeamsFault(0, null, null, delay, count);
    }

    /** The body answered with {@code status}. */
    String answerBody() {
        if (body != null) {
            return body;
        }
        String code = switch (status) {
            case 404 -> "WorkflowNotFound";
            case 429 -> "TooManyRequests";
            default -> "InjectedFault";
        };
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Injected failure (Teams simulator)\"}}";
    }
}
