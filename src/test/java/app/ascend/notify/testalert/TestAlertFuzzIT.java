package app.ascend.notify.testalert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import app.ascend.notify.support.fuzz.FuzzRun;
import app.ascend.notify.support.fuzz.FuzzTest;
import app.ascend.notify.support.fuzz.Fuzzer;
import app.ascend.notify.support.fuzz.RawHttp;
import app.ascend.notify.support.fuzz.Templates;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/notifications/test} under hostile input (plain, with a sample event, dry runs,
 * resolves): never a 5xx, a 4xx is problem+json, every message it sent is in the delivery log and
 * nothing else is, and the service still delivers afterwards.
 */
class TestAlertFuzzIT extends FuzzTest {
    private static final String PATH = "/api/notifications/test";

    @Test
    void testAlertsNeverAnswer5xxAndEverySendIsLogged() {
        Tenant tenant = newTenant();
        String channelId = Channels.create(tenant.admin(), Map.of("name", "Fuzzed test alerts", "type", "pagerduty",
                "config", Map.of("routing_key", newRoutingKey()))).get("id").stringValue();
        RawHttp http = raw(tenant.admin());
        FuzzRun run = new FuzzRun("POST " + PATH);
        int[] sent = {0};

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.TEST_ALERT_FIELDS);
            Object document = fuzzer.mutate(Templates.testAlert(r, channelId, "fz-test-" + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 200) {
                JsonNode body = answer.json();
                sent[0] += body.path("sent").asBoolean(false) ? 1 : 0;
                sent[0] += body.path("resolve").path("sent").asBoolean(false) ? 1 : 0;
            }
        });

        run.assertNoFailures();
        assertThat(all(tenant.admin(), "/api/notifications/deliveries")).as("deliveries logged = messages sent")
                .hasSize(sent[0]);
        assertServiceHealthy();
    }
}
