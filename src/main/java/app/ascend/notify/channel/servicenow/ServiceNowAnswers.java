package app.ascend.notify.channel.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ServiceNow's answers mean (FACTS.md §6, [CODES] https://www.servicenow.com/docs/r/api-reference/rest-api-explorer/r_RESTAPIHTTPResponseCodes.html,
 * [RL] inbound REST rate limiting):
 * <ul>
 * <li>2xx delivered (201 on create, 200 on update and find);
 * <li>401: the credentials are wrong (never retried, with what to fix); 403: the user lacks a role, an ACL refuses,
 * or a business rule or data policy refused the values (§6): refused, ServiceNow's own words shown;
 * <li>404 on an update: the incident no longer exists (or an ACL hides it);
 * <li>429: a Rate Limit Rule; wait for its {@code Retry-After} seconds; 408, 500, 502, 503 and every other 5xx are
 * retried with backoff (a retried create first looks the incident up again, so it is never made twice);
 * <li>every other 4xx (400 bad request, 405, 406, 415) refused.
 * </ul>
 * Errors are {@code {"error":{"message","detail"},"status":"failure"}}; the wording changed between releases (§3),
 * so the status decides and the message and detail are shown as ServiceNow wrote them, never matched.
 */
final class ServiceNowAnswers {
    static final List<Integer> KNOWN_STATUSES = List.of(200, 201, 400, 401, 403, 404, 429, 500, 502, 503);
    static final int BODY_EXCERPT = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceNowAnswers() {
    }

    /** An answer to {@code what} ("the create", "the lookup", …) as a result; the body's error as its errors. */
    static SendResult classify(HttpAnswer answer, Clock clock, String what, boolean oauth) {
        int status = answer.status();
        String excerpt = answer.bodyExcerpt(BODY_EXCERPT);
        List<String> said = said(answer.body());
        String quoted = said.isEmpty() ? "" : ": " + String.join("; ", said);
        Outcome outcome = AnswerTable.standard(status);
        String message = switch (status) {
            case 401 -> "ServiceNow refused the credentials on " + what + " (401)" + quoted + ": " + (oauth
                    ? "check config.client_id and config.client_secret, and that the OAuth client may use the client "
                            + "credentials grant"
                    : "check config.username and config.password (the user must be active and not locked out)");
            case 403 -> "ServiceNow forbade " + what + " (403)" + quoted + ": the ServiceNow user needs a role that may "
                    + "create and update incidents (itil or sn_incident_write), or a business rule or data policy refused "
                    + "the values";
            case 404 -> "ServiceNow has no such incident for " + what + " (404)" + quoted
                    + ": it was deleted, or an ACL hides it from this user";
            case 429 -> "ServiceNow is rate limiting (429, a Rate Limit Rule)" + quoted + "; waiting for its Retry-After";
            default -> switch (outcome) {
                case DELIVERED -> "ServiceNow accepted " + what + " (" + status + ")";
                case RETRY -> "ServiceNow failed on " + what + " (" + status + ")" + quoted + "; will retry";
                default -> status >= 300 && status < 400
                        ? "the instance answered a redirect (" + status + "), which is never followed: check "
                                + "config.instance_url (https://<name>.service-now.com)"
                        : "ServiceNow refused " + what + " (" + status + ")" + quoted;
            };
        };
        Duration retryAfter = outcome == Outcome.RATE_LIMITED || outcome == Outcome.RETRY
                ? answer.retryAfter(clock).orElse(null) : null;
        return new SendResult(outcome, status, message, outcome == Outcome.DELIVERED ? List.of() : said, retryAfter,
                answer.latencyMillis(), excerpt);
    }

    /** {@code error.message: error.detail} as ServiceNow wrote them, or nothing when the body is not its error. */
    static List<String> said(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = ServiceNowTicket.text(error, "message");
            String detail = ServiceNowTicket.text(error, "detail");
            if (message == null && detail == null) {
                return List.of();
            }
            String text = message == null ? detail : detail == null || detail.isBlank() ? message : message + ": " + detail;
            return List.of(ServiceNowTicket.cut(text.strip(), 1000));
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }
}
