package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.OTHER_ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** 120 accepted events per routing key per sliding 60 s window; a 429 is not ingested (FACTS.md §5). */
class PagerDutySimulatorRateLimitTest {

    private static final String THROTTLED = "{\"status\":\"throttle exceeded\","
            + "\"message\":\"Requests for this service are arriving too quickly.  Please retry later.\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private PagerDutySimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.builder().clock(clock).start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void the121stEventInOneWindowIsThrottledAndNotIngested() {
        triggerDistinct(ROUTING_KEY, "a", 120);

        HttpResponse<String> response = http.enqueue(json(trigger(ROUTING_KEY, "one-too-many")));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo(THROTTLED);
        assertThat(sim.incidentsFor(ROUTING_KEY, "one-too-many")).isEmpty();
        assertThat(sim.eventsFor("one-too-many")).isEmpty();
        assertThat(sim.incidents()).hasSize(120);
        assertThat(sim.requests()).last().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(EventOutcome.THROTTLED);
            assertThat(r.responseBody()).isEqualTo(THROTTLED);
        });
        assertThat(sim.stats().maxEventsPerWindowByRoutingKey()).containsEntry(ROUTING_KEY, 120);
    }

    @Test
    void theWindowSlidesWithTheClock() {
        triggerDistinct(ROUTING_KEY, "early", 60);
        clock.advance(Duration.ofSeconds(30));
        triggerDistinct(ROUTING_KEY, "late", 60);
        assertThat(status(trigger(ROUTING_KEY, "blocked-1"))).isEqualTo(429);

        // 59.999 s after the first batch it still counts; at exactly 60 s it has left the window.
        clock.advance(Duration.ofMillis(29_999));
        assertThat(status(trigger(ROUTING_KEY, "blocked-2"))).isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        triggerDistinct(ROUTING_KEY, "after-slide", 60);
        assertThat(status(trigger(ROUTING_KEY, "blocked-3"))).isEqualTo(429);

        assertThat(sim.stats().byStatus()).containsEntry(202, 180L).containsEntry(429, 3L);
        assertThat(sim.stats().maxEventsPerWindowByRoutingKey()).containsEntry(ROUTING_KEY, 120);
    }

    @Test
    void eachRoutingKeyHasItsOwnWindow() {
        triggerDistinct(ROUTING_KEY, "a", 120);

        assertThat(status(trigger(ROUTING_KEY, "b"))).isEqualTo(429);
        assertThat(status(trigger(OTHER_ROUTING_KEY, "b"))).isEqualTo(202);
    }

    @Test
    void rejectedAndInjectedFailuresDoNotCountAgainstTheLimit() {
        sim.setRateLimit(3);
        ObjectNode invalid = trigger(ROUTING_KEY, "bad");
        ((ObjectNode) invalid.get("payload")).put("severity", "fatal");
        for (int i = 0; i < 5; i++) {
            assertThat(status(invalid)).isEqualTo(400);
        }
        sim.failNext(5, 503);
        for (int i = 0; i < 5; i++) {
            assertThat(status(trigger(ROUTING_KEY, "x"))).isEqualTo(503);
        }

        triggerDistinct(ROUTING_KEY, "ok", 3);
        assertThat(status(trigger(ROUTING_KEY, "fourth"))).isEqualTo(429);
    }

    @Test
    void limitIsConfigurablePerKeyAndZeroMeansUnlimited() {
        sim.setRateLimit(OTHER_ROUTING_KEY, 2);
        sim.setRateLimit(0);

        triggerDistinct(ROUTING_KEY, "many", 300);
        triggerDistinct(OTHER_ROUTING_KEY, "few", 2);

        assertThat(status(trigger(OTHER_ROUTING_KEY, "third"))).isEqualTo(429);
        assertThat(sim.rateLimits()).containsEntry(OTHER_ROUTING_KEY, 2);
        assertThat(sim.stats().maxEventsPerWindowByRoutingKey())
                .containsEntry(ROUTING_KEY, 300).containsEntry(OTHER_ROUTING_KEY, 2);
    }

    @Test
    void changeEventsShareTheRoutingKeysWindow() { // a service key: change events take no ruleset key (R…)
        sim.setRateLimit(2);
        assertThat(http.changeEnqueue(json(TestEvents.change(OTHER_ROUTING_KEY, "deploy 1"))).statusCode()).isEqualTo(202);
        assertThat(status(trigger(OTHER_ROUTING_KEY, "a"))).isEqualTo(202);

        HttpResponse<String> change = http.changeEnqueue(json(TestEvents.change(OTHER_ROUTING_KEY, "deploy 2")));
        assertThat(change.statusCode()).isEqualTo(429);
        assertThat(change.body()).isEqualTo(THROTTLED);
        assertThat(sim.changeEvents()).hasSize(1);
    }

    @Test
    void builderSetsTheStartingLimitAndResetRestoresIt() {
        try (PagerDutySimulator limited = PagerDutySimulator.builder().clock(clock).rateLimit(1).start()) {
            SimHttp limitedHttp = new SimHttp(limited);
            limited.setRateLimit(5);
            limited.reset();

            assertThat(limited.rateLimit()).isEqualTo(1);
            assertThat(limitedHttp.enqueue(json(trigger(ROUTING_KEY, "a"))).statusCode()).isEqualTo(202);
            assertThat(limitedHttp.enqueue(json(trigger(ROUTING_KEY, "b"))).statusCode()).isEqualTo(429);
        }
    }

    private void triggerDistinct(String routingKey, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(status(trigger(routingKey, prefix + "-" + i))).as("%s-%d", prefix, i).isEqualTo(202);
        }
    }

    private int status(ObjectNode event) {
        return http.enqueue(json(event)).statusCode();
    }
}
