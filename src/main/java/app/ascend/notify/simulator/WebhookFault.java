package app.ascend.notify.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;

/**
 * A misbehaviour for the next {@code count} requests of one webhook endpoint ({@link #UNTIL_CLEARED}: every request
 * until the faults are cleared), to test how a sender classifies answers (shared/reference/standard-webhooks/
 * FACTS.md §8: 2xx success, 3xx failure not to follow, 410 stop, 429/502/504 throttle, Retry-After honoured).
 * Exactly one of {@code status}, {@code redirectTo} and {@code stallBody}, or none; {@code delay} goes with any.
 *
 * @param status     4xx or 5xx answered with {@code {"error":"injected"}} instead of handling the request; 0 = none
 * @param retryAfter a {@code Retry-After} value sent with {@code status} (seconds or an HTTP date), or {@code null}
 * @param redirectTo answers {@link #redirectStatus} with this {@code Location} instead; a sender must not follow it
 * @param redirectStatus 301, 302, 303, 307 or 308 (302 by default)
 * @param delay      the answer (injected or not) comes this much later: for a sender's request timeout
 * @param stallBody  the request is handled, but answered 200 with a {@code Content-Length} and only half the body,
 *                   the rest never coming until the faults are cleared: for a sender's whole-exchange timeout
 * @param count      how many requests this applies to, or {@link #UNTIL_CLEARED}
 */
public record WebhookFault(int status, String retryAfter, String redirectTo, int redirectStatus, Duration delay,
        boolean stallBody, int count) {

    public static final int UNTIL_CLEARED = -1;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    public WebhookFault {
        if (count == 0 || count < UNTIL_CLEARED) {
            throw new IllegalArgumentException("'count' must be a positive integer or -1 (until cleared), was "
                    + count);
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("'status' must be 4xx or 5xx (use redirect_to for 3xx), was " + status);
        }
        if (retryAfter != null && (status == 0 || !retryAfter.matches("[\\x20-\\x7E]{1,64}"))) {
            throw new IllegalArgumentException("'retry_after' needs a 'status' and must be 1 to 64 printable ASCII"
                    + " characters");
        }
        if (redirectTo != null) {
            requireHttpUrl(redirectTo);
            if (!REDIRECTS.contains(redirectStatus)) {
                throw new IllegalArgumentException("'redirect_status' must be one of 301, 302, 303, 307, 308, was "
                        + redirectStatus);
            }
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("'delay_ms' must be >= 0");
        }
        int kinds = (status != 0 ? 1 : 0) + (redirectTo != null ? 1 : 0) + (stallBody ? 1 : 0);
        if (kinds > 1) {
            throw new IllegalArgumentException("Only one of 'status', 'redirect_to' and 'stall_body' per fault");
        }
        if (kinds == 0 && delay.isZero()) {
            throw new IllegalArgumentException("A fault needs 'status', 'redirect_to', 'stall_body' or 'delay_ms'");
        }
    }

    /** The next {@code count} requests answer {@code status} with {@code {"error":"injected"}}. */
    public static WebhookFault status(int status, int count) {
        return new WebhookFault(status, null, null, 302, Duration.ZERO, false, count);
    }

    public static WebhookFault statusWithRetryAfter(int status, String retryAfter, int count) {
        return new WebhookFault(status, retryAfter, null, 302, Duration.ZERO, false, count);
    }

    public static WebhookFault redirect(String location, int count) {
        return new WebhookFault(0, null, location, 302, Duration.ZERO, false, count);
    }

    public static WebhookFault delay(Duration delay, int count) {
        return new WebhookFault(0, null, null, 302, delay, false, count);
    }

    public static WebhookFault stallBody(int count) {
        return new WebhookFault(0, null, null, 302, Duration.ZERO, true, count);
    }

    /** Whether the request is answered by the fault alone, without being handled (so never accepted). */
    boolean replacesAnswer() {
        return status != 0 || redirectTo != null;
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("'redirect_to' must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'redirect_to' must be an absolute http(s) URL");
        }
    }
}
