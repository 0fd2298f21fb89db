package app.ascend.notify.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;

/**
 * What a receiver's answer means, per the Standard Webhooks spec's "Delivery success and failure"
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md): 2xx
 * delivered; 410 Gone: the receiver wants no more webhooks, so the channel is disabled; otherwise the
 * shared table (429 rate limited with its {@code Retry-After}; 408 and 5xx retried; 3xx refused, no
 * redirect is followed; other 4xx refused). A {@code Retry-After} on a 503 is kept as a hint too.
 */
final class WebhookAnswers {
    static final List<Integer> KNOWN_STATUSES = List.of(200, 204, 400, 410, 429, 500, 503);
    static final String GONE_MESSAGE = "the receiver answered 410 Gone: it wants no more webhooks; the channel is disabled";
    /** How much of a receiver's answer the delivery log keeps: enough for its error message. */
    static final int BODY_EXCERPT = 1000;

    private WebhookAnswers() {
    }

    static SendResult classify(HttpAnswer answer, Clock clock) {
        Outcome outcome = answer.status() == 410 ? Outcome.GONE : AnswerTable.standard(answer.status());
        String excerpt = answer.bodyExcerpt(BODY_EXCERPT);
        Duration retryAfter = outcome == Outcome.RATE_LIMITED || outcome == Outcome.RETRY
                ? answer.retryAfter(clock).orElse(null)
                : null;
        return new SendResult(outcome, answer.status(), message(outcome, answer.status(), excerpt), List.of(), retryAfter,
                answer.latencyMillis(), excerpt);
    }

    private static String message(Outcome outcome, int status, String excerpt) {
        String said = excerpt == null ? "" : ": " + excerpt;
        return switch (outcome) {
            case DELIVERED -> "the webhook receiver accepted the message (" + status + ")";
            case GONE -> GONE_MESSAGE + said;
            case RATE_LIMITED -> "the webhook receiver is rate limiting (429)" + said;
            case RETRY -> "the webhook receiver failed (" + status + "); will retry" + said;
            case REJECTED -> status >= 300 && status < 400
                    ? "the webhook receiver answered a redirect (" + status + "), which is never followed: update the "
                            + "channel's URL to the final one"
                    : "the webhook receiver refused the message (" + status + ")" + said;
        };
    }
}
