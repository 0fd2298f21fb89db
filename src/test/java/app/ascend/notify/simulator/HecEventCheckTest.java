package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The HEC stand-in reads a request's events as HEC does: in order, stopping at the first bad one with its position. */
class HecEventCheckTest {

    private static HecEventCheck.Result check(String body) {
        return HecEventCheck.check(body.getBytes(StandardCharsets.UTF_8), HecToken.ENABLED);
    }

    @Test
    void concatenatedObjectsAreReadInOrderKeepingTheTimeAsSent() {
        HecEventCheck.Result result = check("{\"time\":1796530329.512,\"event\":{\"a\":1}}{\"event\":\"two\","
                + "\"fields\":{\"id\":\"x\",\"tags\":[\"a\",\"b\"]}}");

        assertThat(result.refusal()).isNull();
        assertThat(result.events()).hasSize(2);
        assertThat(result.events().get(0).timeText()).isEqualTo("1796530329.512");
        assertThat(result.events().get(1).envelope().get("event").stringValue()).isEqualTo("two");
    }

    @Test
    void theFirstBadEventIsNamedByItsPositionWithHecsCode() {
        String good = "{\"event\":{\"a\":1}}";
        assertThat(check(good + "{\"time\":1.7965303295E9,\"event\":{\"a\":1}}").refusal()).isEqualTo(HecCode.INDEXED_FIELDS);
        assertThat(check(good + good + "{\"fields\":{\"n\":{\"x\":1}},\"event\":\"e\"}").position()).isEqualTo(2);
        assertThat(check(good + "{\"time\":\"soon\",\"event\":\"e\"}").refusal()).isEqualTo(HecCode.INDEXED_FIELDS);
        assertThat(check("{\"host\":\"h\"}").refusal()).isEqualTo(HecCode.EVENT_REQUIRED);
        assertThat(check(good + "{\"event\":\"\"}").refusal()).isEqualTo(HecCode.EVENT_BLANK);
        assertThat(check(good + "[1]").refusal()).isEqualTo(HecCode.INVALID_DATA_FORMAT);
        assertThat(check(good + "{\"event\":").refusal()).isEqualTo(HecCode.INVALID_DATA_FORMAT);
        assertThat(check("").refusal()).isEqualTo(HecCode.NO_DATA);
        HecEventCheck.Result partial = check(good + "{\"event\":\"\"}" + good);
        assertThat(partial.events()).hasSize(1);
        assertThat(partial.position()).isEqualTo(1);
    }

    @Test
    void anIndexOutsideTheTokensListIsCode7() {
        HecEventCheck.Result result = HecEventCheck.check("{\"index\":\"other\",\"event\":\"e\"}".getBytes(
                StandardCharsets.UTF_8), new HecToken(false, false, List.of("main")));

        assertThat(result.refusal()).isEqualTo(HecCode.INCORRECT_INDEX);
    }
}
