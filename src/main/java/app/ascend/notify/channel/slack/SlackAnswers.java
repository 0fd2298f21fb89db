package app.ascend.notify.channel.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Slack's answers mean (FACTS.md §2 and §4; the classes are ours, from Slack's descriptions).
 *
 * <p><b>Web API</b> ({@code chat.postMessage}, {@code chat.update}; https://docs.slack.dev/apis/web-api/
 * "Evaluating responses"): most failures are HTTP 200 with {@code {"ok":false,"error":"…"}}, so the body
 * decides, not the status. Token, channel and payload errors are refusals, never retried, with what to fix;
 * {@code ratelimited} / {@code rate_limited} and HTTP 429 wait for {@code Retry-After} ([D3]); Slack's own
 * trouble ({@code internal_error}, {@code fatal_error}, {@code service_unavailable}, {@code request_timeout})
 * and 5xx are retried — a retry after {@code internal_error} may post twice, which Slack warns of and no
 * idempotency key prevents ([D4]).
 *
 * <p><b>Incoming webhooks</b> (https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks,
 * [D2]): 200 {@code ok} delivered; 429 waits for {@code Retry-After}; 5xx retried; a 410
 * ({@code channel_is_archived}) and a webhook that no longer exists ({@code no_service}, {@code no_team},
 * {@code channel_not_found} on 404; {@code invalid_token}, {@code team_disabled}, {@code no_active_hooks} on any
 * 4xx, statuses unconfirmed) are GONE: the URL will not work again until reconfigured (FACTS.md §8), so the
 * channel is disabled with the reason, as the webhook type does on 410; every other 4xx
 * ({@code invalid_payload}, {@code action_prohibited}, …) is a refusal with the body shown.
 */
final class SlackAnswers {
    /** The statuses Slack documents for both paths; others are counted as they come. */
    static final List<Integer> KNOWN_STATUSES = List.of(200, 400, 403, 404, 410, 429, 500, 503);
    static final int BODY_EXCERPT = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Web API errors that are refusals, with what the user should fix. */
    static final Map<String, String> WEB_API_REFUSALS = Map.ofEntries(
            Map.entry("not_authed", "no token was sent: set config.bot_token"),
            Map.entry("invalid_auth", "the bot token is not valid (or this service's IP is not allowed): copy the app's "
                    + "Bot User OAuth Token (xoxb-…) again into config.bot_token"),
            Map.entry("account_inactive", "the bot token belongs to a deactivated app, user or workspace: reinstall the "
                    + "app and set the new token"),
            Map.entry("token_revoked", "the bot token was revoked (the app was removed): reinstall the app and set the new "
                    + "token"),
            Map.entry("token_expired", "the bot token expired (token rotation is on): set a fresh token, or turn token "
                    + "rotation off for this app"),
            Map.entry("missing_scope", "the app lacks the chat:write scope: add it under OAuth & Permissions and reinstall"),
            Map.entry("not_allowed_token_type", "this is not a bot token: use the Bot User OAuth Token (xoxb-…)"),
            Map.entry("no_permission", "the token has no permission to post here: check the app's scopes"),
            Map.entry("channel_not_found", "no channel with config.channel's id is visible to the bot: check the id (channel "
                    + "details → About), and for a private channel invite the app"),
            Map.entry("not_in_channel", "the bot is not a member of the channel: invite it (/invite @your-app) or add "
                    + "the chat:write.public scope"),
            Map.entry("is_archived", "the channel is archived: unarchive it or choose another channel"),
            Map.entry("is_inactive", "the channel is archived, frozen or deleted: choose another channel"),
            Map.entry("restricted_action", "a workspace admin restricts posting in this channel"),
            Map.entry("restricted_action_read_only_channel", "the channel is read-only for the bot"),
            Map.entry("restricted_action_thread_only_channel", "the channel only takes thread replies"),
            Map.entry("restricted_action_non_threadable_channel", "the channel takes no thread replies"),
            Map.entry("restricted_action_thread_locked", "the alert's thread is locked"),
            Map.entry("posting_to_general_channel_denied", "only admins may post in #general: choose another channel"),
            Map.entry("ekm_access_denied", "the workspace's encryption keys deny access (Slack EKM)"),
            Map.entry("cannot_reply_to_message", "the alert cannot take a thread reply"),
            Map.entry("cant_update_message", "the alert was not posted by this bot, so it cannot be updated"),
            Map.entry("message_not_found", "the alert's message no longer exists"),
            Map.entry("edit_window_closed", "the workspace no longer allows editing the alert"),
            Map.entry("msg_too_long", "the message text is too long (a bug: report it)"),
            Map.entry("msg_blocks_too_long", "the message's blocks are too long together (a bug: report it)"),
            Map.entry("invalid_blocks", "Slack refused the message's blocks (a bug: report it)"),
            Map.entry("invalid_blocks_format", "Slack refused the message's blocks (a bug: report it)"),
            Map.entry("invalid_arguments", "Slack refused the request's arguments (a bug: report it)"),
            Map.entry("invalid_json", "Slack could not read the request (a bug: report it)"),
            Map.entry("json_not_object", "Slack could not read the request (a bug: report it)"),
            Map.entry("no_text", "the message had no text (a bug: report it)"),
            Map.entry("too_many_attachments", "the message had too many attachments (a bug: report it)"));
    /** Web API errors that wait and try again. */
    static final Set<String> WEB_API_RATE_LIMITED = Set.of("ratelimited", "rate_limited", "message_limit_exceeded");
    static final Set<String> WEB_API_RETRIED = Set.of("internal_error", "fatal_error", "service_unavailable",
            "team_added_to_org", "request_timeout");
    /** Webhook errors that mean the URL will not work again (see the class comment). */
    static final Set<String> WEBHOOK_GONE_BODIES = Set.of("no_service", "no_team", "channel_not_found", "invalid_token",
            "team_disabled", "no_active_hooks", "no_service_id", "channel_is_archived");
    /** Errors of {@code chat.update} after which the follow-up is posted as a new message instead. */
    static final Set<String> UPDATE_IMPOSSIBLE = Set.of("cant_update_message", "message_not_found", "edit_window_closed",
            "cannot_reply_to_message", "restricted_action_thread_locked", "restricted_action_non_threadable_channel");

    private SlackAnswers() {
    }

    /** One Web API answer: {@code ok} and {@code ts} when delivered, the error code otherwise. */
    record WebApiAnswer(SendResult result, String error, String ts, String channel) {
    }

    static WebApiAnswer webApi(HttpAnswer answer, Clock clock, String method) {
        String excerpt = answer.bodyExcerpt(BODY_EXCERPT);
        if (answer.status() == 429) {
            return new WebApiAnswer(result(Outcome.RATE_LIMITED, answer, clock, "Slack is rate limiting " + method
                    + " (429); waiting for its Retry-After", excerpt), "ratelimited", null, null);
        }
        if (!answer.success()) {
            Outcome outcome = AnswerTable.standard(answer.status());
            String message = outcome == Outcome.RETRY ? "Slack failed (" + answer.status() + ") on " + method + "; will retry"
                    : "Slack refused " + method + " (" + answer.status() + ")";
            return new WebApiAnswer(result(outcome, answer, clock, message, excerpt), null, null, null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("ok").isBoolean()) {
            return new WebApiAnswer(result(Outcome.RETRY, answer, clock, "Slack's answer to " + method + " was not its JSON "
                    + "(" + answer.status() + "); will retry", excerpt), null, null, null);
        }
        if (body.path("ok").asBoolean()) {
            String ts = body.path("ts").isString() ? body.path("ts").stringValue() : null;
            String channel = body.path("channel").isString() ? body.path("channel").stringValue() : null;
            return new WebApiAnswer(result(Outcome.DELIVERED, answer, clock, "Slack accepted " + method, excerpt), null, ts,
                    channel);
        }
        String error = body.path("error").isString() ? body.path("error").stringValue() : "unknown_error";
        Outcome outcome;
        String message;
        if (WEB_API_RATE_LIMITED.contains(error)) {
            outcome = Outcome.RATE_LIMITED;
            message = "Slack is rate limiting " + method + " (" + error + ")";
        } else if (WEB_API_RETRIED.contains(error)) {
            outcome = Outcome.RETRY;
            message = "Slack failed on " + method + " (" + error + "); will retry";
        } else {
            outcome = Outcome.REJECTED;
            String fix = WEB_API_REFUSALS.get(error);
            message = "Slack refused " + method + " (" + error + ")" + (fix == null ? "" : ": " + fix);
        }
        return new WebApiAnswer(result(outcome, answer, clock, message, excerpt), error, null, null);
    }

    static SendResult webhook(HttpAnswer answer, Clock clock) {
        String excerpt = answer.bodyExcerpt(BODY_EXCERPT);
        String code = excerpt == null ? "" : excerpt.strip();
        int status = answer.status();
        if (status == 410 || (status >= 400 && status < 500 && status != 429 && status != 408
                && WEBHOOK_GONE_BODIES.contains(code))) {
            return result(Outcome.GONE, answer, clock, "the Slack webhook answered " + status + " " + code
                    + ": it will not take messages until reconfigured (" + goneFix(code) + "); the channel is disabled",
                    excerpt);
        }
        Outcome outcome = AnswerTable.standard(status);
        String said = excerpt == null ? "" : ": " + excerpt;
        String message = switch (outcome) {
            case DELIVERED -> "Slack accepted the message (" + status + ")";
            case RATE_LIMITED -> "Slack is rate limiting the webhook (429)" + said;
            case RETRY -> "Slack failed (" + status + "); will retry" + said;
            default -> status >= 300 && status < 400
                    ? "the webhook URL answered a redirect (" + status + "), which is never followed: use the URL Slack gave"
                    : "Slack refused the message (" + status + ")" + said + webhookFix(code);
        };
        return result(outcome, answer, clock, message, excerpt);
    }

    private static String goneFix(String code) {
        return switch (code) {
            case "channel_is_archived" -> "the channel is archived: unarchive it, then enable this channel";
            case "channel_not_found" -> "the webhook's channel no longer exists: add a new webhook and set its URL";
            default -> "the webhook was removed or its app uninstalled: add a new incoming webhook and set its URL";
        };
    }

    private static String webhookFix(String code) {
        return switch (code) {
            case "action_prohibited" -> " (a workspace admin restricts this webhook)";
            case "posting_to_general_channel_denied" -> " (only admins may post in #general)";
            case "invalid_payload", "no_text" -> " (a bug: report it)";
            default -> "";
        };
    }

    private static SendResult result(Outcome outcome, HttpAnswer answer, Clock clock, String message, String excerpt) {
        Duration retryAfter = outcome == Outcome.RATE_LIMITED || outcome == Outcome.RETRY
                ? answer.retryAfter(clock).orElse(null)
                : null;
        return new SendResult(outcome, answer.status(), message, List.of(), retryAfter, answer.latencyMillis(), excerpt);
    }
}
