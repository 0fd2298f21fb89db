package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;

/** What each of Teams' answers does to a delivery (FACTS.md §4, §7). */
class TeamsAnswersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void workflows202AndALegacyConnectors200WithOneAreDelivered() {
        assertThat(classify(202, "", Map.of()).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(classify(202, "", Map.of()).message()).contains("run history");
        assertThat(classify(200, "1", Map.of()).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aLegacyConnectors200WithAnErrorTextIsReadByItsText() {
        assertThat(classify(200, "Microsoft Teams endpoint returned HTTP error 429 with ContextId MS-CV=abc", Map.of())
                .outcome()).isEqualTo(Outcome.RATE_LIMITED);
        SendResult refused = classify(200, "Microsoft Teams endpoint returned HTTP error 400 with ContextId MS-CV=abc", Map.of());
        assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(refused.message()).contains("HTTP error 400");
    }

    @Test
    void a4xxIsARefusalWithTheBodyShownAndA404SaysTheFlowMayBeGone() {
        SendResult bad = classify(400, "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"bad card\"}}", Map.of());
        assertThat(bad.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(bad.message()).contains("400").contains("bad card");
        assertThat(bad.responseBody()).contains("InvalidRequestContent");
        SendResult missing = classify(404, "{\"error\":{\"code\":\"WorkflowNotFound\"}}", Map.of());
        assertThat(missing.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(missing.message()).contains("deleted or turned off").contains("WorkflowNotFound");
        assertThat(classify(401, "", Map.of()).message()).contains("Anyone");
        assertThat(classify(302, "", Map.of()).message()).contains("never followed");
        assertThat(classify(410, "", Map.of()).outcome()).isEqualTo(Outcome.GONE);
    }

    @Test
    void a429WaitsForItsRetryAfterAnd5xxIsRetried() {
        SendResult limited = classify(429, "", Map.of("Retry-After", "7"));
        assertThat(limited.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(classify(503, "", Map.of()).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(classify(504, "", Map.of()).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(classify(408, "", Map.of()).outcome()).isEqualTo(Outcome.RETRY);
    }

    private static SendResult classify(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return TeamsAnswers.classify(new HttpAnswer(status, HttpHeaders.of(map, (a, b) -> true), body, 5), CLOCK);
    }
}
