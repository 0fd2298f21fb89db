package app.ascend.notify.channel.hec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;

/**
 * What HEC's answer to a whole request means, by its {@code code} first and its HTTP status second
 * (shared/reference/splunk-hec/FACTS.md §5, the table of https://docs.splunk.com/Documentation/Splunk/latest/Data/TroubleshootHTTPEventCollector
 * as read through two agreeing copies):
 * <ul>
 * <li>code 0 (200): received. Without indexer acknowledgement that is all HEC promises (FACTS.md §6, [D3]).</li>
 * <li>codes 1, 2, 3, 4 (401/403): the token is disabled, missing, malformed or unknown; 7: the token may not write to
 * the channel's index; 10, 11, 14, 16: channel or acknowledgement settings. REJECTED, with what to fix: the same request
 * fails until someone changes the token or the channel, and a retry would only hide the refusal under backoff (the
 * webhook and Teams types refuse a 401/403 the same way). Each refused delivery shows the reason, and Send Test Alert
 * checks the fix at once.</li>
 * <li>code 8 (500) and 9 (503, "Server is busy", which [C4] calls normal now and then), any other 5xx or 408: RETRY,
 * with {@code Retry-After} if HEC sends one (unconfirmed that it does, FACTS.md §10.4).</li>
 * <li>429 (sent instead of 503 only with {@code backpressureState = warn_at_80}): RATE_LIMITED.</li>
 * <li>Any other 4xx, a 3xx (never followed): REJECTED. A 400 naming one bad event is read per event by
 * {@link HecBatchSender}.</li>
 * </ul>
 */
final class HecAnswers {
    static final List<Integer> KNOWN_STATUSES = List.of(200, 400, 401, 403, 404, 413, 429, 500, 503);
    static final int BODY_EXCERPT = 1000;
    /** Codes that name the token or the channel's settings: every event of the request would be refused alike. */
    static final List<Integer> CONFIGURATION_CODES = List.of(1, 2, 3, 4, 7, 10, 11, 14, 16);

    private HecAnswers() {
    }

    /** The outcome for every event of a request HEC answered as a whole. */
    static SendResult classify(HttpAnswer answer, HecReply reply, Clock clock) {
        Outcome outcome = outcome(answer.status());
        Duration retryAfter = outcome == Outcome.RETRY || outcome == Outcome.RATE_LIMITED
                ? answer.retryAfter(clock).orElse(null)
                : null;
        return new SendResult(outcome, answer.status(), message(outcome, answer.status(), reply), List.of(), retryAfter,
                answer.latencyMillis(), answer.bodyExcerpt(BODY_EXCERPT));
    }

    static Outcome outcome(int status) {
        return AnswerTable.standard(status);
    }

    /** Whether a refusal names the token or the channel's settings rather than one event. */
    static boolean configuration(HecReply reply, int status) {
        return reply.code() != null ? CONFIGURATION_CODES.contains(reply.code()) : status == 401 || status == 403;
    }

    static String message(Outcome outcome, int status, HecReply reply) {
        String said = reply.said(status);
        return switch (outcome) {
            case DELIVERED -> "Splunk HEC received the event: " + said;
            case RATE_LIMITED -> "Splunk HEC is applying back-pressure: " + said;
            case RETRY -> "Splunk HEC failed or is busy; will retry: " + said;
            case GONE -> "Splunk HEC: " + said;
            case REJECTED -> refusal(status, reply);
        };
    }

    private static String refusal(int status, HecReply reply) {
        String said = reply.said(status);
        if (status >= 300 && status < 400) {
            return "Splunk HEC answered a redirect (" + status + "), which is never followed: set config.url to the "
                    + "collector's own base URL";
        }
        if (reply.code() == null) {
            return status == 404 ? "Splunk HEC refused the request (404): no collector at config.url; check the URL and "
                    + "that HEC is enabled (it is disabled by default)" : "Splunk HEC refused the request: " + said;
        }
        String fix = switch (reply.code()) {
            case 1 -> "the HEC token is disabled: enable it in Splunk (Settings → Data inputs → HTTP Event Collector)";
            case 2, 3 -> "the service sent no usable Authorization header; check config.token";
            case 4 -> "Splunk does not know this token: set config.token to a token of this collector";
            case 7 -> "the token may not write to config.index: add the index to the token's allowed indexes, or change "
                    + "config.index";
            case 10, 11 -> "the token needs a data channel (indexer acknowledgement is on for it)";
            case 14 -> "indexer acknowledgement is off for this token: turn it on, or set config.use_ack to false";
            case 16 -> "the token is sent in the header, not the query: remove any query from config.url";
            default -> null;
        };
        return "Splunk HEC refused the event: " + said + (fix == null ? "" : "; " + fix);
    }
}
