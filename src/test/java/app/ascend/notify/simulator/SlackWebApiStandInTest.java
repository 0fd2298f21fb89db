package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The Slack stand-in's Web API answers as Slack does (FACTS.md §4): {@code chat.postMessage} answers {@code ok},
 * {@code channel} and a growing {@code ts}; {@code chat.update} changes that message; a thread reply needs its
 * parent; errors are HTTP 200 with {@code ok:false}; 429 {@code ratelimited} with {@code Retry-After}.
 */
class SlackWebApiStandInTest {
    private static final String TOKEN = "xoxb-1-2-simulatortoken";
    private final PagerDutySimulator sim = PagerDutySimulator.start(0);
    private final SlackCalls slack = new SlackCalls(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void postUpdateAndThreadReply() {
        JsonNode posted = slack.apiJson("chat.postMessage", TOKEN, "{\"channel\":\"C0123456789\",\"text\":\"alert\","
                + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"first\"}}]}");
        assertThat(posted.get("ok").asBoolean()).isTrue();
        assertThat(posted.get("channel").stringValue()).isEqualTo("C0123456789");
        String ts = posted.get("ts").stringValue();
        assertThat(ts).matches("\\d+\\.\\d{6}");

        JsonNode updated = slack.apiJson("chat.update", TOKEN, "{\"channel\":\"C0123456789\",\"ts\":\"" + ts + "\","
                + "\"text\":\"resolved\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"done\"}}]}");
        JsonNode reply = slack.apiJson("chat.postMessage", TOKEN, "{\"channel\":\"C0123456789\",\"thread_ts\":\"" + ts
                + "\",\"text\":\"resolved by alice\"}");

        assertThat(updated.get("ok").asBoolean()).isTrue();
        assertThat(updated.get("ts").stringValue()).isEqualTo(ts);
        assertThat(reply.get("ok").asBoolean()).isTrue();
        assertThat(reply.get("ts").stringValue()).isGreaterThan(ts);
        JsonNode now = sim.slack().message("C0123456789", ts).orElseThrow();
        assertThat(now.get("text").stringValue()).isEqualTo("resolved");
        assertThat(now.get("blocks").get(0).get("text").get("text").stringValue()).isEqualTo("done");
        assertThat(sim.slack().postsTo("C0123456789")).extracting(SlackPost::via)
                .containsExactly("chat.postMessage", "chat.update", "chat.postMessage");
        assertThat(sim.slack().postsTo("C0123456789").get(2).threadTs()).isEqualTo(ts);
    }

    @Test
    void errorsAreOkFalseInA200() {
        sim.slack().setChannelState("C0ARCHIVED1", "archived");
        sim.slack().setTokenState("xoxb-revoked-token-1", "token_revoked");

        assertThat(error("chat.postMessage", null, "{\"channel\":\"C0123456789\",\"text\":\"t\"}")).isEqualTo("not_authed");
        assertThat(error("chat.postMessage", "xoxb-revoked-token-1", "{\"channel\":\"C0123456789\",\"text\":\"t\"}"))
                .isEqualTo("token_revoked");
        assertThat(error("chat.postMessage", TOKEN, "{\"channel\":\"C0ARCHIVED1\",\"text\":\"t\"}")).isEqualTo("is_archived");
        assertThat(error("chat.postMessage", TOKEN, "{\"channel\":\"C0123456789\"}")).isEqualTo("no_text");
        assertThat(error("chat.update", TOKEN, "{\"channel\":\"C0123456789\",\"ts\":\"1.000001\",\"text\":\"t\"}"))
                .isEqualTo("message_not_found");
        assertThat(error("chat.postMessage", TOKEN, "{\"channel\":\"C0123456789\",\"text\":\"t\",\"blocks\":"
                + "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "y".repeat(3001) + "\"}}]}"))
                .isEqualTo("invalid_blocks");
    }

    @Test
    void anotherTokenCannotUpdateAMessage() {
        String ts = slack.apiJson("chat.postMessage", TOKEN, "{\"channel\":\"C0123456789\",\"text\":\"alert\"}")
                .get("ts").stringValue();

        assertThat(error("chat.update", "xoxb-another-bot-token", "{\"channel\":\"C0123456789\",\"ts\":\"" + ts
                + "\",\"text\":\"x\"}")).isEqualTo("cant_update_message");
    }

    @Test
    void aFaultAnswersRatelimitedWithRetryAfterOrAnError() {
        sim.slack().injectFault(SlackFault.ratelimited("C0LIMITED01", 2, 1));
        sim.slack().injectFault(SlackFault.error("C0BROKEN001", "internal_error", 1));

        HttpResponse<String> limited = slack.api("chat.postMessage", TOKEN, "{\"channel\":\"C0LIMITED01\",\"text\":\"t\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.body()).contains("\"error\":\"ratelimited\"");
        assertThat(error("chat.postMessage", TOKEN, "{\"channel\":\"C0BROKEN001\",\"text\":\"t\"}")).isEqualTo("internal_error");
        assertThat(slack.apiJson("chat.postMessage", TOKEN, "{\"channel\":\"C0BROKEN001\",\"text\":\"t\"}").get("ok")
                .asBoolean()).isTrue();
    }

    private String error(String method, String token, String body) {
        HttpResponse<String> answer = slack.api(method, token, body);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = SimHttp.JSON.readTree(answer.body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        return json.get("error").stringValue();
    }
}
