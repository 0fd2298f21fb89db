package app.ascend.notify.web;

import static app.ascend.notify.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;

/** A form body, even a malformed one, answers 415 problem+json on every method: the API takes JSON only. */
class FormBodyIT extends ApiTest {

    @Test
    void aMalformedFormBodyAnswers415NotA500() {
        ApiClient admin = newTenant().admin();
        String path = Channels.PATH + "/" + Channels.create(admin, Channels.pagerDuty("Kept", newRoutingKey()))
                .get("id").stringValue();

        for (String method : List.of("PATCH", "PUT", "DELETE", "POST")) {
            assertProblem(admin.send(method, method.equals("POST") ? Channels.PATH : path,
                    "application/x-www-form-urlencoded", "name=100%&x=%0G&y=%", Map.of()), 415);
        }
    }
}
