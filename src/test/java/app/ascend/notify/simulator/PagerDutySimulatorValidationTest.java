package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** 202 and 400 bodies, to the letter of FACTS.md §2 and §4. */
class PagerDutySimulatorValidationTest {

    private static final String INVALID_PREFIX =
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[";
    private static final String UNRECOGNIZED = "{\"status\":\"Unrecognized object\","
            + "\"message\":\"Event object format is unrecognized\",\"errors\":[\"JSON parse error\"]}";

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
    void validTriggerIsAcceptedWithTheExactSuccessBody() {
        HttpResponse<String> response = http.enqueue(json(trigger(ROUTING_KEY, "ascend-42")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"ascend-42\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void triggerWithoutDedupKeyGetsAGeneratedUuidThatKeysItsIncident() {
        HttpResponse<String> first = http.enqueue(json(trigger(ROUTING_KEY, null)));
        HttpResponse<String> second = http.enqueue(json(trigger(ROUTING_KEY, null)));

        String key = SimHttp.JSON.readTree(first.body()).get("dedup_key").stringValue();
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(UUID.fromString(key).toString()).isEqualTo(key);
        assertThat(first.body())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}");
        // Each keyless trigger makes a new alert (FACTS.md §3).
        assertThat(SimHttp.JSON.readTree(second.body()).get("dedup_key").stringValue()).isNotEqualTo(key);
        assertThat(sim.openIncidentCount()).isEqualTo(2);
        assertThat(sim.incidentsFor(ROUTING_KEY, key)).singleElement()
                .satisfies(incident -> assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED));
        assertThat(sim.eventsFor(key)).singleElement()
                .satisfies(event -> assertThat(event.dedupKey()).isEqualTo(key));
    }

    @Test
    void routingKeyOfWrongLength() {
        assertInvalid(json(trigger("0123456789abcdef0123456789abcde", "k")),
                "Length of 'routing_key' is incorrect (should be 32 characters)");
    }

    @Test
    void routingKeyWithNonAlphanumericCharacters() {
        assertInvalid(json(trigger("0123456789abcdef-0123456789abcde", "k")),
                "'routing_key' cannot contain non-alphanumeric characters.");
    }

    @Test
    void aliasRoutingKeyGetsBothRoutingKeyMessages() {
        // FACTS.md §10: the seed page's "security-on-call" is not a PagerDuty key.
        assertInvalid(json(trigger("security-on-call", "k")),
                "Length of 'routing_key' is incorrect (should be 32 characters)",
                "'routing_key' cannot contain non-alphanumeric characters.");
    }

    @Test
    void missingEventAction() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        event.remove("event_action");
        assertInvalid(json(event), "'event_action' is missing or blank");
    }

    @Test
    void eventActionIsCaseSensitive() {
        ObjectNode event = trigger(ROUTING_KEY, "k").put("event_action", "Trigger");
        assertInvalid(json(event),
                "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
    }

    @Test
    void triggerWithoutPayloadGetsAllThreeRequiredFieldMessages() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        event.remove("payload");
        assertInvalid(json(event),
                "'payload.summary' is missing or blank",
                "'payload.source' is missing or blank",
                "'payload.severity' is missing or blank");
    }

    @Test
    void blankSummary() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).put("summary", "   ");
        assertInvalid(json(event), "'payload.summary' is missing or blank");
    }

    @Test
    void summaryLongerThan1024CodePointsUsesPagerDutysOwnTypo() {
        String emoji = "\uD83D\uDEA8"; // one code point, two UTF-16 units
        ObjectNode atLimit = trigger(ROUTING_KEY, "at-limit");
        ((ObjectNode) atLimit.get("payload")).put("summary", emoji.repeat(1024));
        assertThat(http.enqueue(json(atLimit)).statusCode()).isEqualTo(202);

        ObjectNode over = trigger(ROUTING_KEY, "over");
        ((ObjectNode) over.get("payload")).put("summary", "x".repeat(1025));
        assertInvalid(json(over), "'summary' is too long (maiximum is 1024 characters)");
    }

    @Test
    void missingSource() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).remove("source");
        assertInvalid(json(event), "'payload.source' is missing or blank");
    }

    @Test
    void missingSeverity() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).remove("severity");
        assertInvalid(json(event), "'payload.severity' is missing or blank");
    }

    @Test
    void severityIsCaseSensitive() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).put("severity", "Info");
        assertInvalid(json(event), "'payload.severity' is invalid (must be one of the following: "
                + "'critical', 'warning', 'error' or 'info')");
    }

    @Test
    void dedupKeyLongerThan255Characters() {
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k".repeat(255)))).statusCode()).isEqualTo(202);
        assertInvalid(json(trigger(ROUTING_KEY, "k".repeat(256))),
                "'dedup_key' is too long (maximum is 255 characters)");
    }

    @Test
    void acknowledgeAndResolveNeedADedupKey() {
        ObjectNode acknowledge = TestEvents.action(ROUTING_KEY, "acknowledge", "x");
        acknowledge.remove("dedup_key");
        assertInvalid(json(acknowledge), "'dedup_key' is missing or blank");
        assertInvalid(json(TestEvents.action(ROUTING_KEY, "resolve", "")), "'dedup_key' is missing or blank");
    }

    @Test
    void linkWithoutHrefAndImageWithoutHttps() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        event.putArray("links").addObject().put("text", "runbook");
        event.putArray("images").addObject().put("src", "http://charts.example.com/a.png");
        assertInvalid(json(event),
                "'links[0].href' is missing or blank",
                "'images[0].src' is invalid (must be an HTTPS URL)");
    }

    @Test
    void bodyOver512000Bytes() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).putObject("custom_details").put("blob", "x".repeat(512_000));
        assertInvalid(json(event), "Event object is too large (maximum is 512000 bytes)");
    }

    @Test
    void everyApplicableMessageAtOnce() {
        ObjectNode event = SimHttp.JSON.createObjectNode();
        event.put("routing_key", "governance-on-call");
        event.put("event_action", "trigger");
        event.putObject("payload").put("severity", "CRITICAL");
        assertInvalid(json(event),
                "Length of 'routing_key' is incorrect (should be 32 characters)",
                "'routing_key' cannot contain non-alphanumeric characters.",
                "'payload.summary' is missing or blank",
                "'payload.source' is missing or blank",
                "'payload.severity' is invalid (must be one of the following: "
                        + "'critical', 'warning', 'error' or 'info')");
    }

    @Test
    void malformedJsonEmptyBodyAndNonObjectsAreUnrecognized() {
        for (String body : new String[] {"{\"routing_key\":", "", "[1,2]", "\"text\"", "{} trailing"}) {
            HttpResponse<String> response = http.enqueue(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEqualTo(UNRECOGNIZED);
        }
        assertThat(sim.requests()).extracting(RecordedRequest::outcome).containsOnly(EventOutcome.UNRECOGNIZED);
    }

    @Test
    void rejectedEventsAreRecordedButNotIngested() {
        ObjectNode event = trigger(ROUTING_KEY, "k");
        ((ObjectNode) event.get("payload")).put("severity", "fatal");
        http.enqueue(json(event));

        assertThat(sim.incidents()).isEmpty();
        assertThat(sim.acceptedEvents()).isEmpty();
        assertThat(sim.requests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(400);
            assertThat(request.outcome()).isEqualTo(EventOutcome.INVALID);
            assertThat(request.responseBody()).startsWith(INVALID_PREFIX);
        });
    }

    @Test
    void changeEventIsAcceptedRecordedAndOpensNoIncident() {
        HttpResponse<String> response = http.changeEnqueue(json(TestEvents.change(TestEvents.OTHER_ROUTING_KEY, "Deployed v1.2")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\"}");
        assertThat(sim.changeEvents()).singleElement()
                .satisfies(r -> assertThat(r.json().at("/payload/summary").stringValue()).isEqualTo("Deployed v1.2"));
        assertThat(sim.incidents()).isEmpty();
    }

    @Test
    void changeEventNeedsRoutingKeyAndSummary() {
        ObjectNode event = TestEvents.change("short", "x".repeat(1025));
        HttpResponse<String> response = http.changeEnqueue(json(event));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(INVALID_PREFIX
                + "\"Length of 'routing_key' is incorrect (should be 32 characters)\","
                + "\"'summary' is too long (maiximum is 1024 characters)\"]}");
        event.put("routing_key", TestEvents.OTHER_ROUTING_KEY).remove("payload");
        assertThat(http.changeEnqueue(json(event)).body())
                .isEqualTo(INVALID_PREFIX + "\"'payload' is missing or blank\"]}"); // the spec requires payload
        event.putObject("payload").put("source", "deployer");
        assertThat(http.changeEnqueue(json(event)).body())
                .isEqualTo(INVALID_PREFIX + "\"'payload.summary' is missing or blank\"]}");
    }

    @Test
    void wrongMethodAndUnknownPathAreRefused() {
        HttpResponse<String> get = http.get("/v2/enqueue");
        HttpResponse<String> unknown = http.post("/v1/enqueue", json(trigger(ROUTING_KEY, "k")));

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = SimHttp.JSON.readTree(unknown.body());
        assertThat(error.get("status").stringValue()).isEqualTo("Not Found");
        assertThat(error.get("message").stringValue()).contains("/v1/enqueue");
        assertThat(sim.incidents()).isEmpty();
    }

    private void assertInvalid(String body, String... errors) {
        HttpResponse<String> response = http.enqueue(body);
        StringBuilder expected = new StringBuilder(INVALID_PREFIX);
        for (int i = 0; i < errors.length; i++) {
            expected.append(i == 0 ? "" : ",").append(SimHttp.JSON.writeValueAsString(errors[i]));
        }
        expected.append("]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(expected.toString());
    }
}
