package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;

/** Slack's answers (FACTS.md §2, §4) and what each means for the delivery. */
class SlackAnswersTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @ParameterizedTest
    @CsvSource({ "invalid_auth,REJECTED", "channel_not_found,REJECTED", "not_in_channel,REJECTED", "is_archived,REJECTED",
            "account_inactive,REJECTED", "token_revoked,REJECTED", "missing_scope,REJECTED", "ratelimited,RATE_LIMITED",
            "rate_limited,RATE_LIMITED", "internal_error,RETRY", "fatal_error,RETRY", "service_unavailable,RETRY",
            "some_new_error,REJECTED" })
    void webApiErrorsComeInA200(String error, Outcome outcome) {
        SlackAnswers.WebApiAnswer answer = SlackAnswers.webApi(answer(200, "{\"ok\":false,\"error\":\"" + error + "\"}"),
                CLOCK, "chat.postMessage");

        assertThat(answer.result().outcome()).isEqualTo(outcome);
        assertThat(answer.error()).isEqualTo(error);
        assertThat(answer.result().message()).contains(error);
    }

    @Test
    void refusalsSayWhatToFix() {
        assertThat(SlackAnswers.webApi(answer(200, "{\"ok\":false,\"error\":\"not_in_channel\"}"), CLOCK, "chat.postMessage")
                .result().message()).contains("invite");
        assertThat(SlackAnswers.webApi(answer(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"), CLOCK, "chat.postMessage")
                .result().message()).contains("config.bot_token");
    }

    @Test
    void okCarriesTheTs() {
        SlackAnswers.WebApiAnswer answer = SlackAnswers.webApi(answer(200,
                "{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"1503435956.000247\"}"), CLOCK, "chat.postMessage");

        assertThat(answer.result().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(answer.ts()).isEqualTo("1503435956.000247");
        assertThat(answer.channel()).isEqualTo("C0123456789");
    }

    @Test
    void http429HonoursRetryAfterAnd5xxRetries() {
        SlackAnswers.WebApiAnswer limited = SlackAnswers.webApi(new HttpAnswer(429, headers(Map.of("Retry-After", List.of("7"))),
                "{\"ok\":false,\"error\":\"ratelimited\"}", 5), CLOCK, "chat.postMessage");
        assertThat(limited.result().outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.result().retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(SlackAnswers.webApi(answer(503, "oops"), CLOCK, "chat.update").result().outcome()).isEqualTo(Outcome.RETRY);
        assertThat(SlackAnswers.webApi(answer(200, "<html>proxy</html>"), CLOCK, "chat.update").result().outcome())
                .isEqualTo(Outcome.RETRY);
    }

    @ParameterizedTest
    @CsvSource({ "200,ok,DELIVERED", "400,invalid_payload,REJECTED", "403,action_prohibited,REJECTED",
            "404,channel_not_found,GONE", "404,no_service,GONE", "404,no_team,GONE", "410,channel_is_archived,GONE",
            "403,invalid_token,GONE", "429,rate_limited,RATE_LIMITED", "500,rollup_error,RETRY", "302,moved,REJECTED" })
    void webhookAnswers(int status, String body, Outcome outcome) {
        assertThat(SlackAnswers.webhook(answer(status, body), CLOCK).outcome()).isEqualTo(outcome);
    }

    @Test
    void aGoneWebhookSaysWhatToDo() {
        assertThat(SlackAnswers.webhook(answer(410, "channel_is_archived"), CLOCK).message()).contains("unarchive");
        assertThat(SlackAnswers.webhook(answer(400, "invalid_payload"), CLOCK).message()).contains("invalid_payload");
    }

    private static HttpAnswer answer(int status, String body) {
        return new HttpAnswer(status, headers(Map.of()), body, 3);
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
