package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.OTHER_ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v2/change/enqueue} is checked as PagerDuty's Change Events API (FACTS.md §6, spec
 * {@code ChangeEventPayload}): every error at once in the {@code invalid event} shape, and a valid change kept per
 * routing key on {@code GET /_sim/changes}.
 */
class ChangeEventValidationTest {
    private static final String INVALID_PREFIX =
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[";
    private static final String SECOND_KEY = "abcdef0123456789abcdef0123456789";

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
    void aFullChangeEventIsAcceptedWithTheChangeBody() {
        ObjectNode event = TestEvents.change(OTHER_ROUTING_KEY, "Data Protection Policy changed");
        ((ObjectNode) event.get("payload")).put("timestamp", "2026-12-06T18:47:33.315Z")
                .putObject("custom_details").put("version", 7);
        event.putArray("links").addObject().put("href", "https://ascend.example/#/events/evt_1").put("text", "View");

        HttpResponse<String> response = http.changeEnqueue(json(event));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\"}");
        assertThat(sim.incidents()).isEmpty();
    }

    @Test
    void theDocsOffsetFormOfTimestampIsAccepted() {
        ObjectNode event = TestEvents.change(OTHER_ROUTING_KEY, "Build Success");
        ((ObjectNode) event.get("payload")).put("timestamp", "2015-07-17T08:42:58.315+0000");

        assertThat(http.changeEnqueue(json(event)).statusCode()).isEqualTo(202);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ObjectNode event = TestEvents.change(ROUTING_KEY, "x");
        event.put("event_action", "trigger").put("dedup_key", "ascend-1");
        ((ObjectNode) event.get("payload")).put("timestamp", "yesterday").put("source", 5).put("custom_details", "no");
        event.putArray("links").addObject().put("text", "no href");

        HttpResponse<String> response = http.changeEnqueue(json(event));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(INVALID_PREFIX
                + "\"'routing_key' is a ruleset key: change events need a service integration key\","
                + "\"'event_action' is not accepted on change events (they are not correlated)\","
                + "\"'dedup_key' is not accepted on change events (they are not correlated)\","
                + "\"'payload.timestamp' is invalid (must be an ISO 8601 date-time)\","
                + "\"'payload.source' is invalid (must be a string)\","
                + "\"'payload.custom_details' is invalid (must be an object)\","
                + "\"'links[0].href' is missing or blank\"]}");
        assertThat(sim.changeEvents()).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnObjectAndABodyOver512KbAreRefused() {
        ObjectNode event = TestEvents.change(OTHER_ROUTING_KEY, "x");
        event.put("payload", "deployed");
        assertThat(http.changeEnqueue(json(event)).body())
                .isEqualTo(INVALID_PREFIX + "\"'payload' is invalid (must be an object)\"]}");

        ObjectNode big = TestEvents.change(OTHER_ROUTING_KEY, "big");
        ((ObjectNode) big.get("payload")).putObject("custom_details").put("blob", "x".repeat(512_001));
        HttpResponse<String> response = http.changeEnqueue(json(big));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Event object is too large (maximum is 512000 bytes)");
    }

    @Test
    void receivedChangesAreListedPerRoutingKey() {
        http.changeEnqueue(json(TestEvents.change(OTHER_ROUTING_KEY, "first")));
        http.changeEnqueue(json(TestEvents.change(SECOND_KEY, "other key")));
        http.changeEnqueue(json(TestEvents.change(OTHER_ROUTING_KEY, "second")));

        HttpResponse<String> response = http.get("/_sim/changes?routing_key=" + OTHER_ROUTING_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode changes = SimHttp.JSON.readTree(response.body());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).at("/json/payload/summary").stringValue()).isEqualTo("first");
        assertThat(changes.get(1).at("/json/payload/summary").stringValue()).isEqualTo("second");
        assertThat(changes.get(1).get("path").stringValue()).isEqualTo("/v2/change/enqueue");
        assertThat(SimHttp.JSON.readTree(http.get("/_sim/changes").body())).hasSize(3);
        assertThat(sim.changeEventsFor(SECOND_KEY)).singleElement()
                .satisfies(r -> assertThat(r.json().at("/payload/summary").stringValue()).isEqualTo("other key"));
    }
}
