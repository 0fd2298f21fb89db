package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults through the Java API: checked before validation, never ingested. */
class PagerDutySimulatorFaultTest {

    private static final String OUTAGE = "{\"status\":\"Service Unavailable\","
            + "\"message\":\"The PagerDuty Events API is unavailable (simulated outage)\"}";

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
    void failNextAnswersTheStatusThenRecovers() {
        sim.failNext(2, 503);

        HttpResponse<String> first = http.enqueue(json(trigger(ROUTING_KEY, "retry-me")));
        HttpResponse<String> second = http.enqueue(json(trigger(ROUTING_KEY, "retry-me")));
        assertThat(sim.incidents()).isEmpty();
        HttpResponse<String> third = http.enqueue(json(trigger(ROUTING_KEY, "retry-me")));

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"status\":\"Service Unavailable\","
                + "\"message\":\"Injected failure (PagerDuty simulator)\"}");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(202);
        assertThat(sim.incidentsFor(ROUTING_KEY, "retry-me")).singleElement()
                .satisfies(incident -> assertThat(incident.triggerCount()).isEqualTo(1));
        assertThat(sim.requests()).extracting(RecordedRequest::outcome).containsExactly(
                EventOutcome.INJECTED_FAULT, EventOutcome.INJECTED_FAULT, EventOutcome.OPENED);
        assertThat(sim.faults().failNextCount()).isZero();
    }

    @Test
    void faultsComeBeforeValidation() {
        sim.failNext(1, 500);

        HttpResponse<String> response = http.enqueue("not json at all");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(http.enqueue("not json at all").statusCode()).isEqualTo(400);
    }

    @Test
    void injected429UsesTheThrottleBody() {
        sim.failNext(1, 429);

        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "k"))).body()).isEqualTo("{\"status\":\"throttle exceeded\","
                + "\"message\":\"Requests for this service are arriving too quickly.  Please retry later.\"}");
    }

    @Test
    void outageAnswers503ForEveryEventUntilTurnedOff() {
        sim.setOutage(true);

        HttpResponse<String> alert = http.enqueue(json(trigger(ROUTING_KEY, "k")));
        HttpResponse<String> change = http.changeEnqueue(json(TestEvents.change(TestEvents.OTHER_ROUTING_KEY, "deploy")));
        sim.setOutage(false);
        HttpResponse<String> after = http.enqueue(json(trigger(ROUTING_KEY, "k")));

        assertThat(alert.statusCode()).isEqualTo(503);
        assertThat(alert.body()).isEqualTo(OUTAGE);
        assertThat(change.statusCode()).isEqualTo(503);
        assertThat(after.statusCode()).isEqualTo(202);
        assertThat(sim.incidentsFor(ROUTING_KEY, "k")).hasSize(1);
        assertThat(sim.changeEvents()).isEmpty();
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sim.setLatency(Duration.ofMillis(200));

        long startedAt = System.nanoTime();
        HttpResponse<String> response = http.enqueue(json(trigger(ROUTING_KEY, "slow")));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(sim.requests()).singleElement()
                .satisfies(r -> assertThat(r.handlingTime()).isGreaterThanOrEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void seededFailureRateIsRepeatable() {
        sim.setRateLimit(0);
        sim.failRandomly(0.3, 429, 42L);
        Random sameSeed = new Random(42L);
        int expectedFailures = 0;
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            if (sameSeed.nextDouble() < 0.3) {
                expectedFailures++;
            }
            if (http.enqueue(json(trigger(ROUTING_KEY, "k-" + i))).statusCode() == 429) {
                failures++;
            }
        }

        assertThat(failures).isEqualTo(expectedFailures).isBetween(40, 80);
        assertThat(sim.incidents()).hasSize(200 - failures);
        assertThat(sim.stats().byOutcome()).containsEntry(EventOutcome.INJECTED_FAULT, (long) failures);
    }

    @Test
    void resetClearsFaultsAndState() {
        http.enqueue(json(trigger(ROUTING_KEY, "before")));
        sim.setOutage(true);
        sim.setLatency(Duration.ofMillis(50));
        sim.failRandomly(1.0, 500, 1L);

        sim.reset();

        assertThat(sim.faults()).isEqualTo(FaultSettings.NONE);
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.incidents()).isEmpty();
        assertThat(http.enqueue(json(trigger(ROUTING_KEY, "after"))).statusCode()).isEqualTo(202);
    }

    @Test
    void startingLatencyFromTheBuilderSurvivesReset() {
        try (PagerDutySimulator slow = PagerDutySimulator.builder().latency(Duration.ofMillis(100)).start()) {
            slow.setLatency(Duration.ZERO);
            slow.reset();

            long startedAt = System.nanoTime();
            int status = new SimHttp(slow).enqueue(json(trigger(ROUTING_KEY, "k"))).statusCode();

            assertThat(status).isEqualTo(202);
            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(slow.faults().latencyMillis()).isEqualTo(100);
        }
    }

    @Test
    void aRejectedRoutingKeyAnswers400WithTheGivenErrorsAndOtherKeysAreHandled() {
        sim.rejectRoutingKey(ROUTING_KEY, java.util.List.of("first problem", "second problem"));

        HttpResponse<String> refused = http.enqueue(json(trigger(ROUTING_KEY, "refused")));
        HttpResponse<String> other = http.enqueue(json(trigger(TestEvents.OTHER_ROUTING_KEY, "fine")));
        sim.rejectRoutingKey(ROUTING_KEY, java.util.List.of());
        HttpResponse<String> again = http.enqueue(json(trigger(ROUTING_KEY, "refused")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                + "\"errors\":[\"first problem\",\"second problem\"]}");
        assertThat(other.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(sim.incidentsFor(ROUTING_KEY, "refused")).singleElement()
                .satisfies(incident -> assertThat(incident.triggerCount()).isEqualTo(1));
    }

    @Test
    void impossibleFaultSettingsAreRefused() {
        assertThatThrownBy(() -> sim.failNext(1, 202)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.failRandomly(1.5, 503, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.setRateLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
