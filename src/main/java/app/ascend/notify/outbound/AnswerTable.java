package app.ascend.notify.outbound;

import app.ascend.notify.channel.spi.SendResult.Outcome;

/**
 * How an HTTP status is treated, the rule most vendors document (the paging channel's response table,
 * cited in its package; the Standard Webhooks spec's "Delivery success and failure"): 2xx delivered; 429 rate limited; 408 and 5xx retried
 * with backoff; 3xx refused (no redirect is followed: the URL must be updated); any other 4xx refused,
 * since the same request would fail again. A channel type adds its own rules on top (e.g. a webhook's
 * 410 disables the channel) and otherwise keeps these.
 */
public final class AnswerTable {
    private AnswerTable() {
    }

    public static Outcome standard(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        if (status == 429) {
            return Outcome.RATE_LIMITED;
        }
        if (status == 408 || status >= 500) {
            return Outcome.RETRY;
        }
        return Outcome.REJECTED;
    }
}
