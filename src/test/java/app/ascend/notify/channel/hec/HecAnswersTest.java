package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;

/** What HEC's whole-request answers mean (FACTS.md §5): by code first, by status when HEC's JSON is missing. */
class HecAnswersTest {

    private static SendResult classify(int status, String body, Map<String, List<String>> headers) {
        HttpAnswer answer = new HttpAnswer(status, HttpHeaders.of(headers, (a, b) -> true), body, 5);
        return HecAnswers.classify(answer, HecReply.parse(body), Clock.systemUTC());
    }

    @Test
    void backPressureAs429IsRateLimitedWithItsRetryAfter() {
        SendResult result = classify(429, "{\"text\":\"Too many requests\",\"code\":9}", Map.of("Retry-After", List.of("3")));

        assertThat(result.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anInternalErrorIsRetriedAndARedirectOrAMissingCollectorRefused() {
        assertThat(classify(500, "{\"text\":\"Internal server error\",\"code\":8}", Map.of()).outcome())
                .isEqualTo(Outcome.RETRY);
        SendResult redirect = classify(301, null, Map.of());
        assertThat(redirect.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(redirect.message()).contains("never followed");
        SendResult notFound = classify(404, "<html>not here</html>", Map.of());
        assertThat(notFound.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(notFound.message()).contains("HEC is enabled");
    }

    @Test
    void tokenAndChannelCodesAreConfigurationWhateverTheStatus() {
        assertThat(HecAnswers.configuration(HecReply.parse("{\"text\":\"Incorrect index\",\"code\":7}"), 400)).isTrue();
        assertThat(HecAnswers.configuration(HecReply.parse("{\"text\":\"Invalid data format\",\"code\":6}"), 400)).isFalse();
        assertThat(HecAnswers.configuration(HecReply.NONE, 403)).isTrue();
        assertThat(classify(400, "{\"text\":\"ACK is disabled\",\"code\":14}", Map.of()).message())
                .contains("config.use_ack");
    }
}
