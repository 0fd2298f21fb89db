package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;

/** A receiver's status → what the pipeline does (Standard Webhooks "Delivery success and failure"). */
class WebhookAnswersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({ "200,DELIVERED", "204,DELIVERED", "299,DELIVERED", "301,REJECTED", "302,REJECTED", "400,REJECTED",
            "401,REJECTED", "404,REJECTED", "408,RETRY", "410,GONE", "429,RATE_LIMITED", "500,RETRY", "502,RETRY",
            "503,RETRY", "504,RETRY" })
    void statusMeans(int status, Outcome outcome) {
        assertThat(WebhookAnswers.classify(answer(status, Map.of(), "nope"), CLOCK).outcome()).isEqualTo(outcome);
    }

    @Test
    void goneSaysTheChannelIsDisabledAndQuotesTheReceiver() {
        SendResult result = WebhookAnswers.classify(answer(410, Map.of(), "endpoint removed"), CLOCK);
        assertThat(result.message()).isEqualTo(WebhookAnswers.GONE_MESSAGE + ": endpoint removed");
        assertThat(result.httpStatus()).isEqualTo(410);
    }

    @Test
    void retryAfterOfA429AndA503IsKept() {
        assertThat(WebhookAnswers.classify(answer(429, Map.of("Retry-After", List.of("7")), ""), CLOCK).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(WebhookAnswers.classify(answer(503, Map.of("Retry-After", List.of("Sun, 06 Dec 2026 05:00:30 GMT")), ""),
                CLOCK).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRedirectIsRefusedWithAdviceToUpdateTheUrl() {
        SendResult result = WebhookAnswers.classify(answer(302, Map.of("Location", List.of("https://elsewhere/")), ""), CLOCK);
        assertThat(result.message()).contains("never followed").doesNotContain("elsewhere");
    }

    @Test
    void aLongBodyIsCutInTheLog() {
        SendResult result = WebhookAnswers.classify(answer(400, Map.of(), "x".repeat(5000)), CLOCK);
        assertThat(result.responseBody()).hasSize(WebhookAnswers.BODY_EXCERPT + 1);
    }

    private static HttpAnswer answer(int status, Map<String, List<String>> headers, String body) {
        return new HttpAnswer(status, HttpHeaders.of(headers, (a, b) -> true), body, 3);
    }
}
