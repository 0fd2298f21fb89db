package app.ascend.notify.web;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;

/** A malformed body answers 400 saying where it broke, without repeating what it could not read (a key, say). */
class MalformedJsonIT extends ApiTest {

    @Test
    void anUnquotedKeyIsNotRepeatedInTheAnswer() {
        String key = "K" + newRoutingKey().substring(1); // a token, as a key that starts with a letter is
        ApiResponse answer = newTenant().admin().send("POST", Channels.PATH, "application/json",
                "{\"name\": \"PagerDuty\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": " + key + "}}", Map.of());

        assertProblem(answer, 400);
        assertThat(answer.json().get("detail").stringValue()).contains("line 1, column").contains("Unrecognized token")
                .doesNotContain(key);
    }
}
