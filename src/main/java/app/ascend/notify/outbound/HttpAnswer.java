package app.ascend.notify.outbound;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A complete HTTP answer to one send: status, headers, body (as text) and how long the exchange took. */
public record HttpAnswer(int status, HttpHeaders headers, String body, long latencyMillis) {

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** {@code Retry-After} as a delay from now (seconds or an HTTP-date, RFC 9110 §10.2.3), if readable. */
    public Optional<Duration> retryAfter(Clock clock) {
        return RetryAfterHeader.parse(headers.firstValue("Retry-After"), clock);
    }

    /** The body cut to {@code max} characters for a message a user reads, or null when empty. */
    public String bodyExcerpt(int max) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return body.length() <= max ? body : body.substring(0, max) + "…";
    }
}
