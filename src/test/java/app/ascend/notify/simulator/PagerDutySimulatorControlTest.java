package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.action;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code /_sim/} JSON endpoints other processes use. */
class PagerDutySimulatorControlTest {

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

    @Test
    void faultsEndpointSetsAndReportsEveryFault() {
        HttpResponse<String> set = http.post("/_sim/faults", "{\"latencyMs\":5,\"failNext\":{\"count\":1,\"status\":503},"
                + "\"failureRate\":{\"rate\":0.25,\"status\":500,\"seed\":7},\"outage\":false,\"stallBodyNext\":2,"
                + "\"rateLimit\":50,\"rateLimits\":{\"" + ROUTING_KEY + "\":3}}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"latencyMs\":5,\"failNext\":{\"count\":1,\"status\":503},"
                + "\"failureRate\":{\"rate\":0.25,\"status\":500},\"outage\":false,\"stallBodyNext\":2,"
                + "\"rateLimit\":50,\"rateLimits\":{\"" + ROUTING_KEY + "\":3}}");
        assertThat(http.get("/_sim/faults").body()).isEqualTo(set.body());
        assertThat(sim.faults()).isEqualTo(new FaultSettings(5, 1, 503, 0.25, 500, false, 2));
        assertThat(sim.rateLimit()).isEqualTo(50);
        assertThat(sim.rateLimits()).containsEntry(ROUTING_KEY, 3);
    }

    @Test
    void failNextOverHttpFailsThenRecovers() {
        http.post("/_sim/faults", "{\"failNext\":{\"count\":1,\"status\":503}}");

        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode()).isEqualTo(503);
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode()).isEqualTo(202);
    }

    @Test
    void outageOverHttpAndClear() {
        http.post("/_sim/faults", "{\"outage\":true}");
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode()).isEqualTo(503);

        http.post("/_sim/faults", "{\"clear\":true}");
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode()).isEqualTo(202);
    }

    @Test
    void rateLimitOverHttp() {
        http.post("/_sim/faults", "{\"rateLimits\":{\"" + ROUTING_KEY + "\":1}}");

        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "a"))).statusCode()).isEqualTo(202);
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "b"))).statusCode()).isEqualTo(429);
    }

    @Test
    void badFaultRequestsAnswer400() {
        HttpResponse<String> badJson = http.post("/_sim/faults", "{oops");
        HttpResponse<String> badStatus = http.post("/_sim/faults", "{\"failNext\":{\"count\":1,\"status\":200}}");
        HttpResponse<String> unknown = http.get("/_sim/nothing");
        HttpResponse<String> wrongMethod = http.get("/_sim/reset");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(SimHttp.JSON.readTree(badStatus.body()).get("error").stringValue()).contains("4xx or 5xx");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(sim.requests()).as("control calls are not recorded").isEmpty();
    }

    @Test
    void requestsEventsIncidentsAndStatsDescribeWhatHappened() {
        http.enqueue(json(trigger(ROUTING_KEY, "ascend-7")));
        http.enqueue(json(trigger(ROUTING_KEY, "ascend-7")));
        http.enqueue(json(action(ROUTING_KEY, "resolve", "ascend-7")));
        http.enqueue("{bad");

        JsonNode requests = http.getJson("/_sim/requests");
        assertThat(requests.size()).isEqualTo(4);
        JsonNode first = requests.get(0);
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("method").stringValue()).isEqualTo("POST");
        assertThat(first.get("path").stringValue()).isEqualTo("/v2/enqueue");
        assertThat(first.get("status").asInt()).isEqualTo(202);
        assertThat(first.get("outcome").stringValue()).isEqualTo("OPENED");
        assertThat(first.get("dedupKey").stringValue()).isEqualTo("ascend-7");
        assertThat(first.get("json").get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(first.get("rawBody").stringValue()).isEqualTo(json(trigger(ROUTING_KEY, "ascend-7")));
        assertThat(first.get("responseBody").stringValue()).contains("\"dedup_key\":\"ascend-7\"");
        assertThat(first.get("receivedAtEpochNanos").asLong()).isPositive();
        assertThat(requests.get(3).get("json").isNull()).isTrue();
        assertThat(http.getJson("/_sim/requests?since=3").size()).isEqualTo(1);

        assertThat(http.getJson("/_sim/events").size()).isEqualTo(3);
        assertThat(http.getJson("/_sim/events?dedup_key=ascend-7").size()).isEqualTo(3);
        assertThat(http.getJson("/_sim/events?dedup_key=other").size()).isZero();

        JsonNode incident = http.getJson("/_sim/incidents").get(0);
        assertThat(incident.get("routingKey").stringValue()).isEqualTo(ROUTING_KEY);
        assertThat(incident.get("dedupKey").stringValue()).isEqualTo("ascend-7");
        assertThat(incident.get("status").stringValue()).isEqualTo("resolved");
        assertThat(incident.get("triggerCount").asInt()).isEqualTo(2);
        assertThat(incident.get("log")).extracting(entry -> entry.get("action").stringValue())
                .containsExactly("trigger", "trigger", "resolve");
        assertThat(http.getJson("/_sim/incidents?routing_key=" + ROUTING_KEY + "&dedup_key=ascend-7").size())
                .isEqualTo(1);

        JsonNode stats = http.getJson("/_sim/stats");
        assertThat(stats.get("requests").asLong()).isEqualTo(4);
        assertThat(stats.get("byStatus").get("202").asLong()).isEqualTo(3);
        assertThat(stats.get("byStatus").get("400").asLong()).isEqualTo(1);
        assertThat(stats.get("byOutcome").get("JOINED").asLong()).isEqualTo(1);
        assertThat(stats.get("acceptedEvents").asLong()).isEqualTo(3);
        assertThat(stats.get("incidentsOpened").asLong()).isEqualTo(1);
        assertThat(stats.get("openIncidents").asLong()).isZero();
        assertThat(stats.get("triggers").asLong()).isEqualTo(2);
        assertThat(stats.get("maxEventsPerWindowByRoutingKey").get(ROUTING_KEY).asInt()).isEqualTo(3);
    }

    @Test
    void resetEndpointClearsStateAndFaults() {
        http.enqueue(json(trigger(ROUTING_KEY, "k")));
        http.post("/_sim/faults", "{\"outage\":true}");

        HttpResponse<String> reset = http.post("/_sim/reset", "");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"status\":\"reset\"}");
        assertThat(http.getJson("/_sim/requests").size()).isZero();
        assertThat(http.getJson("/_sim/incidents").size()).isZero();
        assertThat(http.getJson("/_sim/stats").get("requests").asLong()).isZero();
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode()).isEqualTo(202);
    }

    @Test
    void receiptsListEveryRequestAsOneTabSeparatedLine() {
        http.enqueue(json(trigger(ROUTING_KEY, "bench-1")));
        http.post("/_sim/faults", "{\"failNext\":{\"count\":1,\"status\":503}}");
        http.enqueue(json(trigger(ROUTING_KEY, "bench-2")));

        HttpResponse<String> receipts = http.get("/_sim/receipts");

        assertThat(receipts.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/tab-separated-values"));
        String[] lines = receipts.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("sequence\treceived_at_epoch_nanos\tstatus\tevent_action\trouting_key\tdedup_key\tsummary");
        String[] first = lines[1].split("\t", -1);
        assertThat(first[0]).isEqualTo("1");
        assertThat(Long.parseLong(first[1])).isEqualTo(sim.requests().get(0).receivedAtEpochNanos());
        assertThat(first).endsWith("202", "trigger", ROUTING_KEY, "bench-1", sim.requests().get(0).json().path("payload").path("summary").asString());
        assertThat(lines[2].split("\t", -1)[2]).isEqualTo("503");
    }
}
