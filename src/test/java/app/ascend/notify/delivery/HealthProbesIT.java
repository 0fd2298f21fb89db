package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;

/** Liveness and readiness for load balancers and orchestrators; readiness follows the dispatcher. */
class HealthProbesIT extends ApiTest {
    @Autowired
    DeliveryDispatcher dispatcher;

    @Test
    void rootLivenessAndReadinessAnswerUpWithoutSigningIn() {
        ApiResponse root = anonymous().get("/actuator/health");
        ApiResponse liveness = anonymous().get("/actuator/health/liveness");
        ApiResponse readiness = anonymous().get("/actuator/health/readiness");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(root.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessIsDownWhileTheDispatcherIsStoppedAndLivenessStaysUp() {
        dispatcher.stop();
        try {
            ApiResponse readiness = anonymous().get("/actuator/health/readiness");
            ApiResponse liveness = anonymous().get("/actuator/health/liveness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").stringValue()).isEqualTo("DOWN");
            assertThat(readiness.body()).doesNotContain("dispatcher"); // no details without signing in
            assertThat(liveness.status()).isEqualTo(200);
        } finally {
            dispatcher.start();
        }
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(200);
        for (String hidden : new String[] {"/actuator/env", "/actuator/metrics", "/actuator/beans", "/actuator/heapdump",
                "/actuator/loggers"}) {
            assertThat(anonymous().get(hidden).status()).as(hidden).isIn(401, 403, 404);
            assertThat(root().get(hidden).status()).as(hidden + " signed in").isIn(403, 404);
        }
    }
}
