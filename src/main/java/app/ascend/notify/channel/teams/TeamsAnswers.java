package app.ascend.notify.channel.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;

/**
 * What a Teams webhook's answer means (shared/reference/teams/FACTS.md §4, §7):
 * <ul>
 * <li>A Workflows trigger answers {@code 202 Accepted} with no body as soon as the flow run starts
 * (https://learn.microsoft.com/azure/connectors/connectors-native-reqres): delivered, though whether the card was
 * posted shows only in the flow's run history, which is why the card is checked against Teams' limits before
 * sending. A legacy connector answers {@code 200} with body {@code 1}; it also answered 200 with an error text
 * ("Microsoft Teams endpoint returned HTTP error 429 …", connectors "do not throw 429s",
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using), so such a
 * 200 is read by its text.</li>
 * <li>429 rate limited with its {@code Retry-After}; 408 and 5xx retried (a 504 is a flow whose Response action
 * took over a minute: the run may have posted, so a retry may post twice, which beats losing the alert).</li>
 * <li>Any other 4xx refused with the body shown, never retried. A 404 is what a deleted or turned-off flow's URL
 * is expected to answer, but Microsoft documents no status for it (FACTS.md §8.4), so it is a refusal, not
 * {@code GONE}: disabling the channel on an undocumented answer would stop its alerts silently, while a refusal
 * shows on every delivery with what to fix. 410, which does mean "gone" in HTTP, disables the channel as it does
 * a webhook's.</li>
 * </ul>
 */
final class TeamsAnswers {
    static final List<Integer> KNOWN_STATUSES = List.of(200, 202, 400, 401, 403, 404, 410, 413, 429, 500, 502, 503, 504);
    /** How much of an answer the delivery log keeps: enough for Power Automate's error JSON. */
    static final int BODY_EXCERPT = 1000;
    static final String LEGACY_ERROR_PREFIX = "Microsoft Teams endpoint returned HTTP error";

    private TeamsAnswers() {
    }

    static SendResult classify(HttpAnswer answer, Clock clock) {
        String excerpt = answer.bodyExcerpt(BODY_EXCERPT);
        Outcome outcome = outcome(answer.status(), excerpt);
        Duration retryAfter = outcome == Outcome.RATE_LIMITED || outcome == Outcome.RETRY
                ? answer.retryAfter(clock).orElse(null)
                : null;
        return new SendResult(outcome, answer.status(), message(outcome, answer.status(), excerpt), List.of(), retryAfter,
                answer.latencyMillis(), excerpt);
    }

    private static Outcome outcome(int status, String excerpt) {
        if (status == 200 && excerpt != null && excerpt.strip().startsWith(LEGACY_ERROR_PREFIX)) {
            return excerpt.contains(" 429") ? Outcome.RATE_LIMITED : Outcome.REJECTED;
        }
        if (status == 410) {
            return Outcome.GONE;
        }
        return AnswerTable.standard(status);
    }

    private static String message(Outcome outcome, int status, String excerpt) {
        String said = excerpt == null ? "" : ": " + excerpt;
        return switch (outcome) {
            case DELIVERED -> status == 202
                    ? "Teams accepted the message (202): the flow posts the card; a failure to post shows only in the "
                            + "flow's run history"
                    : "Teams accepted the message (" + status + ")";
            case GONE -> "Teams answered 410 Gone: the webhook no longer exists; the channel is disabled" + said;
            case RATE_LIMITED -> "Teams is rate limiting (" + status + ")" + said;
            case RETRY -> "Teams failed (" + status + "); will retry" + said;
            case REJECTED -> refusal(status) + said;
        };
    }

    private static String refusal(int status) {
        if (status >= 300 && status < 400) {
            return "Teams answered a redirect (" + status + "), which is never followed: update the channel's "
                    + "webhook URL to the flow's HTTP POST URL";
        }
        return switch (status) {
            case 401, 403 -> "Teams refused the message (" + status + "): the flow's trigger asks for a signed-in "
                    + "caller; set \"Who can trigger the flow\" to Anyone";
            case 404 -> "Teams refused the message (404): the flow may have been deleted or turned off (a flow "
                    + "throttled for 14 days is turned off); check it in Power Automate or create a new Workflows "
                    + "webhook and update config.webhook_url";
            case 413 -> "Teams refused the message as too large (413)";
            default -> "Teams refused the message (" + status + ")";
        };
    }
}
