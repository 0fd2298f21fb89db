package app.ascend.notify.channel.spi;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one send. {@code outcome} drives the pipeline: DELIVERED is final, REJECTED is
 * final and not retried (the request itself is wrong), RETRY is retried with backoff, RATE_LIMITED is
 * retried no sooner than {@code retryAfter} (or the pipeline's minimum), GONE is final and disables the
 * channel (the receiver said it wants no more messages, e.g. a webhook's 410).
 *
 * <p>{@code remoteRef}: what the type wants kept of a delivered message (a short string, at most
 * {@link #REMOTE_REF_MAX} characters, e.g. the id the destination gave the message), stored with the
 * delivery and handed back to the type as {@link Outgoing#originalRef()} with the follow-ups of the same
 * sequence when its {@link DeliveryRules#followUpsNeedOriginal()}; null for none.
 */
public record SendResult(Outcome outcome, Integer httpStatus, String message, List<String> errors,
        Duration retryAfter, long latencyMillis, String responseBody, String remoteRef) {

    /** The longest reference kept (the column's size). */
    public static final int REMOTE_REF_MAX = 2000;

    public SendResult {
        if (remoteRef != null && remoteRef.length() > REMOTE_REF_MAX) {
            throw new IllegalArgumentException("a remote reference is at most " + REMOTE_REF_MAX + " characters");
        }
    }

    /** A result that keeps nothing of the message. */
    public SendResult(Outcome outcome, Integer httpStatus, String message, List<String> errors, Duration retryAfter,
            long latencyMillis, String responseBody) {
        this(outcome, httpStatus, message, errors, retryAfter, latencyMillis, responseBody, null);
    }

    /** This result keeping {@code ref} of the message (see the class comment). */
    public SendResult withRemoteRef(String ref) {
        return new SendResult(outcome, httpStatus, message, errors, retryAfter, latencyMillis, responseBody, ref);
    }

    public enum Outcome { DELIVERED, REJECTED, RETRY, RATE_LIMITED, GONE }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** A failure before any answer (timeout, refused connection, refused address): no status, no body. */
    public static SendResult noAnswer(Outcome outcome, String message, long latencyMillis) {
        return new SendResult(outcome, null, message, List.of(), null, latencyMillis, null);
    }
}
