package app.ascend.notify.web;

import java.time.Duration;

/** Answered as 503 with a {@code Retry-After} header: the service is at capacity, nothing was stored. */
public class ServiceBusyException extends RuntimeException {
    private final Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
