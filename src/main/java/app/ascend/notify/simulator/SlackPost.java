package app.ascend.notify.simulator;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One request the Slack stand-in received and how it answered.
 *
 * @param via      {@code webhook}, {@code chat.postMessage} or {@code chat.update}
 * @param target   the webhook's name, or the channel id
 * @param ts       the message's ts (posted, or updated); null for a webhook or a refused request
 * @param threadTs the parent's ts of a thread reply, or null
 * @param token    the bot token used (the stand-in is a test double: it shows what it got), or null
 * @param body     the request's JSON body (null when it was not JSON)
 * @param status   the HTTP status answered
 * @param error    Slack's error code answered, or null when accepted
 */
public record SlackPost(long sequence, Instant at, String via, String target, String ts, String threadTs, String token,
        JsonNode body, int status, String error) {

    public boolean accepted() {
        return status == 200 && error == null;
    }

    public String text() {
        return body == null ? null : body.path("text").asString(null);
    }

    /** The header block's text, or null. */
    public String header() {
        if (body == null) {
            return null;
        }
        for (JsonNode block : body.path("blocks")) {
            if ("header".equals(block.path("type").asString(""))) {
                return block.path("text").path("text").asString(null);
            }
        }
        return null;
    }
}
