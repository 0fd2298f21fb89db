package app.ascend.notify.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;

/** {@code /actuator/health} answers 200 {"status":"UP"} to anyone (plus the probe group names); no other actuator endpoint is exposed. */
class HealthIT extends ApiTest {

    @Test
    void healthIsUpForAnyone() {
        ApiResponse health = anonymous().get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        // Besides the status, Boot names the probe groups (liveness, readiness) and nothing else: no details.
        assertThat(health.json().propertyNames()).containsOnly("status", "groups");
    }

    @Test
    void envBeansAndTheOtherEndpointsAreNotExposed() {
        for (ApiClient client : List.of(anonymous(), root())) {
            for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                    "/actuator/loggers", "/actuator/mappings", "/actuator/threaddump")) {
                ApiResponse answer = client.get(path);
                assertThat(answer.status()).as(path + " → " + answer).isIn(401, 403, 404);
                assertThat(answer.body()).doesNotContain(ROOT_PASSWORD);
            }
        }
    }
}
