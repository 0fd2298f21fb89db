package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook receiver's routes under {@code /_sim/webhooks/{endpoint}}, for tests and trials in other processes. */
class WebhookControlTest {

    private static final String BODY = "{\"type\":\"governance.action.blocked\",\"data\":{\"action_id\":\"act-1\"}}";

    private final SignedWebhooks sender = new SignedWebhooks();
    private final String secret = SignedWebhooks.newSecret(32);
    private PagerDutySimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.start(0);
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> deliver(String id, String signingSecret) {
        return sender.deliver(sim.webhookUrl("ops-hook"), id, System.currentTimeMillis() / 1000, BODY,
                signingSecret);
    }

    private static String error(HttpResponse<String> response) {
        return SimHttp.JSON.readTree(response.body()).get("error").stringValue();
    }

    @Test
    void secretsAreRegisteredWithoutBeingEchoed() {
        HttpResponse<String> put = http.put("/_sim/webhooks/ops-hook/secrets",
                "{\"secrets\":[\"" + secret + "\",\"" + SignedWebhooks.newSecret(24) + "\"]}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"endpoint\":\"ops-hook\",\"secrets\":2}");
        assertThat(deliver("msg_1", secret).statusCode()).isEqualTo(204);
        assertThat(deliver("msg_2", SignedWebhooks.newSecret(32)).statusCode()).isEqualTo(401);
        assertThat(http.get("/_sim/webhooks/ops-hook/requests").body()).doesNotContain(secret.substring(6));
    }

    @Test
    void aBadSecretIs400NamingItAndKeepsTheEarlierSecrets() {
        http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[\"" + secret + "\"]}");

        HttpResponse<String> tooShort = http.put("/_sim/webhooks/ops-hook/secrets",
                "{\"secrets\":[\"" + secret + "\",\"whsec_c2hvcnQ=\"]}");
        HttpResponse<String> noPrefix = http.put("/_sim/webhooks/ops-hook/secrets",
                "{\"secrets\":[\"" + secret.substring(6) + "\"]}");
        HttpResponse<String> notAList = http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":\"" + secret + "\"}");
        HttpResponse<String> notAString = http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[42]}");

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(error(tooShort)).isEqualTo("'secrets[1]' must encode 24 to 64 bytes, was 5");
        assertThat(noPrefix.statusCode()).isEqualTo(400);
        assertThat(error(noPrefix)).isEqualTo("'secrets[0]' must start with whsec_");
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(error(notAList)).contains("'secrets' must be an array");
        assertThat(notAString.statusCode()).isEqualTo(400);
        assertThat(error(notAString)).isEqualTo("'secrets[0]' must be a string");
        for (HttpResponse<String> refused : List.of(tooShort, noPrefix, notAList)) {
            assertThat(refused.body()).doesNotContain(secret.substring(6));
        }
        assertThat(sim.webhooks().secretCount("ops-hook")).isEqualTo(1);
    }

    @Test
    void messagesAndRequestsDescribeWhatArrived() {
        http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[\"" + secret + "\"]}");
        deliver("msg_1", secret);
        deliver("msg_2", SignedWebhooks.newSecret(32));
        deliver("msg_1", secret);

        JsonNode messages = http.getJson("/_sim/webhooks/ops-hook/messages").get("messages");
        JsonNode requests = http.getJson("/_sim/webhooks/ops-hook/requests").get("requests");

        assertThat(messages.size()).isEqualTo(2);
        assertThat(requests.size()).isEqualTo(3);
        JsonNode first = messages.get(0);
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("endpoint").stringValue()).isEqualTo("ops-hook");
        assertThat(first.get("received_at").stringValue()).endsWith("Z");
        assertThat(first.get("headers").get("webhook-id").stringValue()).isEqualTo("msg_1");
        assertThat(first.get("headers").get("webhook-timestamp").stringValue()).matches("[0-9]+");
        assertThat(first.get("headers").get("webhook-signature").stringValue()).startsWith("v1,");
        assertThat(first.get("body").get("data").get("action_id").stringValue()).isEqualTo("act-1");
        assertThat(first.get("body_bytes").asInt()).isEqualTo(BODY.length());
        assertThat(first.get("verified").asBoolean()).isTrue();
        assertThat(first.get("verification").stringValue()).isEqualTo("signature matches registered secret 1 of 1");
        assertThat(first.get("status").asInt()).isEqualTo(204);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(messages.get(1).get("duplicate").asBoolean()).isTrue();
        assertThat(requests.get(1).get("status").asInt()).isEqualTo(401);
        assertThat(requests.get(1).get("verification").stringValue()).isEqualTo("signature does not match");
        assertThat(http.getJson("/_sim/webhooks/never-used/messages").get("messages").size()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRecordedAsText() {
        sender.post(sim.webhookUrl("ops-hook"), Map.of(), "hello", Duration.ofSeconds(30));

        JsonNode message = http.getJson("/_sim/webhooks/ops-hook/messages").get("messages").get(0);

        assertThat(message.get("body").stringValue()).isEqualTo("hello");
        assertThat(message.get("headers").get("webhook-id").isNull()).isTrue();
        assertThat(message.get("verified").asBoolean()).isFalse();
        assertThat(message.get("verification").stringValue()).isEqualTo("no secret registered for this endpoint");
    }

    @Test
    void faultsAreSetReportedAndCleared() {
        HttpResponse<String> set = http.post("/_sim/webhooks/ops-hook/faults",
                "{\"status\":429,\"count\":1,\"retry_after\":\"2\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"endpoint\":\"ops-hook\",\"fault\":{\"status\":429,\"retry_after\":\"2\","
                + "\"count\":1},\"remaining\":1}");
        assertThat(http.get("/_sim/webhooks/ops-hook/faults").body()).isEqualTo(set.body());
        HttpResponse<String> throttled = deliver("msg_1", secret);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(http.get("/_sim/webhooks/ops-hook/faults").body())
                .isEqualTo("{\"endpoint\":\"ops-hook\",\"fault\":null}");

        http.post("/_sim/webhooks/ops-hook/faults", "{\"status\":410,\"count\":-1}");
        assertThat(deliver("msg_2", secret).statusCode()).isEqualTo(410);
        assertThat(deliver("msg_3", secret).statusCode()).isEqualTo(410);
        HttpResponse<String> cleared = http.delete("/_sim/webhooks/ops-hook/faults");
        assertThat(cleared.body()).isEqualTo("{\"endpoint\":\"ops-hook\",\"fault\":null}");
        assertThat(deliver("msg_4", secret).statusCode()).isEqualTo(204);
    }

    @Test
    void everyFaultKindIsAcceptedOverHttp() {
        assertThat(http.post("/_sim/webhooks/ops-hook/faults", "{\"delay_ms\":3000,\"count\":1}").body())
                .contains("\"delay_ms\":3000");
        assertThat(http.post("/_sim/webhooks/ops-hook/faults", "{\"stall_body\":true,\"count\":1}").body())
                .contains("\"stall_body\":true");
        assertThat(http.post("/_sim/webhooks/ops-hook/faults", "{\"redirect_to\":\"http://127.0.0.1:1/x\"}").body())
                .contains("\"redirect_to\":\"http://127.0.0.1:1/x\",\"redirect_status\":302,\"count\":1");
        assertThat(http.post("/_sim/webhooks/ops-hook/faults", "{\"status\":503,\"count\":2}").body())
                .contains("\"remaining\":2");

        HttpResponse<String> answered = deliver("msg_1", secret);

        assertThat(answered.statusCode()).as("the last fault replaced the earlier ones").isEqualTo(503);
    }

    @Test
    void badFaultsAre400NamingTheField() {
        Map<String, String> refused = Map.of(
                "{\"status\":302}", "'status' must be 4xx or 5xx",
                "{\"status\":\"503\"}", "'status' must be an integer",
                "{\"status\":503,\"count\":0}", "'count' must be a positive integer or -1",
                "{\"retry_after\":\"2\"}", "'retry_after' needs a 'status'",
                "{\"redirect_to\":\"javascript:alert(1)\"}", "'redirect_to' must be an absolute http(s) URL",
                "{\"stall_body\":\"yes\"}", "'stall_body' must be true or false",
                "{\"delay_ms\":-5}", "'delay_ms' must be >= 0",
                "{}", "A fault needs",
                "[1]", "Body must be a JSON object");

        refused.forEach((body, message) -> {
            HttpResponse<String> response = http.post("/_sim/webhooks/ops-hook/faults", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(error(response)).as(body).contains(message);
        });
        assertThat(sim.webhooks().fault("ops-hook")).isEmpty();
    }

    @Test
    void deletingAnEndpointForgetsMessagesSecretsAndFaults() {
        http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[\"" + secret + "\"]}");
        deliver("msg_1", secret);
        http.post("/_sim/webhooks/ops-hook/faults", "{\"status\":503,\"count\":-1}");
        deliver("msg_2", secret);
        sender.deliver(sim.webhookUrl("kept"), "msg_1", System.currentTimeMillis() / 1000, BODY, secret);

        HttpResponse<String> deleted = http.delete("/_sim/webhooks/ops-hook");

        assertThat(deleted.body()).isEqualTo("{\"endpoint\":\"ops-hook\",\"status\":\"forgotten\"}");
        assertThat(http.getJson("/_sim/webhooks/ops-hook/requests").get("requests").size()).isZero();
        HttpResponse<String> after = deliver("msg_1", SignedWebhooks.newSecret(32));
        assertThat(after.statusCode()).as("no fault, no secret").isEqualTo(204);
        assertThat(http.getJson("/_sim/webhooks/ops-hook/messages").get("messages").get(0).get("duplicate")
                .asBoolean()).isFalse();
        assertThat(http.getJson("/_sim/webhooks/kept/messages").get("messages").size()).isEqualTo(1);
    }

    @Test
    void theGlobalResetForgetsEveryWebhookEndpoint() {
        http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[\"" + secret + "\"]}");
        http.post("/_sim/webhooks/ops-hook/faults", "{\"status\":503,\"count\":-1}");
        deliver("msg_1", secret);

        http.post("/_sim/reset", "");

        assertThat(sim.webhooks().requests()).isEmpty();
        assertThat(sim.webhooks().secretCount("ops-hook")).isZero();
        assertThat(sim.webhooks().fault("ops-hook")).isEmpty();
    }

    @Test
    void statsCountWebhooksBesideThePagerDutyEvents() {
        http.enqueue(json(trigger(ROUTING_KEY, "k")));
        http.put("/_sim/webhooks/ops-hook/secrets", "{\"secrets\":[\"" + secret + "\"]}");
        deliver("msg_1", secret);
        deliver("msg_1", secret);
        deliver("msg_2", SignedWebhooks.newSecret(32));

        JsonNode stats = http.getJson("/_sim/stats");

        assertThat(stats.get("requests").asLong()).as("PagerDuty requests only").isEqualTo(1);
        JsonNode webhooks = stats.get("webhooks");
        assertThat(webhooks.get("requests").asLong()).isEqualTo(3);
        assertThat(webhooks.get("accepted").asLong()).isEqualTo(2);
        assertThat(webhooks.get("verified").asLong()).isEqualTo(2);
        assertThat(webhooks.get("duplicates").asLong()).isEqualTo(1);
        assertThat(webhooks.get("byStatus").get("204").asLong()).isEqualTo(2);
        assertThat(webhooks.get("byStatus").get("401").asLong()).isEqualTo(1);
        assertThat(webhooks.get("acceptedByEndpoint").get("ops-hook").asLong()).isEqualTo(2);
    }

    @Test
    void badNamesAndMethodsAre404And405() {
        assertThat(http.get("/_sim/webhooks/bad.name/messages").statusCode()).isEqualTo(404);
        assertThat(http.get("/_sim/webhooks/" + "x".repeat(65) + "/messages").statusCode()).isEqualTo(404);
        assertThat(http.get("/_sim/webhooks/ops-hook/nothing").statusCode()).isEqualTo(404);
        assertThat(http.post("/_sim/webhooks/ops-hook/messages", "{}").statusCode()).isEqualTo(405);
        assertThat(http.get("/_sim/webhooks/ops-hook/secrets").statusCode()).as("secrets are never read back")
                .isEqualTo(405);
        assertThat(http.get("/webhooks/ops-hook").statusCode()).isEqualTo(405);
        assertThat(http.post("/webhooks/bad.name", "{}").statusCode()).isEqualTo(404);
        assertThat(http.post("/webhooks/a/b", "{}").statusCode()).isEqualTo(404);
        assertThat(sim.webhooks().requests()).isEmpty();
    }
}
