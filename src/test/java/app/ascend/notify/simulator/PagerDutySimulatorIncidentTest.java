package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.OTHER_ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.action;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The incident lifecycle per (routing key, dedup key), FACTS.md §3. */
class PagerDutySimulatorIncidentTest {

    private static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"%s\"}";

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
    void triggerOpensATriggeredIncident() {
        send(json(trigger(ROUTING_KEY, "ascend-1")));

        assertThat(sim.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.number()).isEqualTo(1);
            assertThat(incident.routingKey()).isEqualTo(ROUTING_KEY);
            assertThat(incident.dedupKey()).isEqualTo("ascend-1");
            assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
            assertThat(incident.triggerCount()).isEqualTo(1);
            assertThat(incident.title()).isEqualTo("Agent action blocked: ascend-1");
            assertThat(incident.openedAt()).isEqualTo(clock.instant());
            assertThat(incident.log()).extracting(IncidentLogEntry::action).containsExactly(EventAction.TRIGGER);
        });
        assertThat(sim.openIncidentCount()).isEqualTo(1);
        assertThat(sim.requests()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(EventOutcome.OPENED));
    }

    @Test
    void repeatTriggerWhileOpenJoinsTheIncidentAsAnotherLogEntry() {
        send(json(trigger(ROUTING_KEY, "ascend-1")));
        clock.advance(Duration.ofSeconds(5));
        ObjectNode repeat = trigger(ROUTING_KEY, "ascend-1");
        ((ObjectNode) repeat.get("payload")).put("summary", "changed summary");
        send(json(repeat));

        assertThat(sim.incidentsFor(ROUTING_KEY, "ascend-1")).singleElement().satisfies(incident -> {
            assertThat(incident.triggerCount()).isEqualTo(2);
            assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
            assertThat(incident.title()).isEqualTo("Agent action blocked: ascend-1");
            assertThat(incident.updatedAt()).isEqualTo(incident.openedAt().plusSeconds(5));
            assertThat(incident.log()).extracting(IncidentLogEntry::action)
                    .containsExactly(EventAction.TRIGGER, EventAction.TRIGGER);
        });
        assertThat(sim.requests()).extracting(RecordedRequest::outcome)
                .containsExactly(EventOutcome.OPENED, EventOutcome.JOINED);
        assertThat(sim.stats().triggers()).isEqualTo(2);
        assertThat(sim.stats().incidentsOpened()).isEqualTo(1);
    }

    @Test
    void acknowledgeThenResolveWalksTheLifecycleInOrder() {
        send(json(trigger(ROUTING_KEY, "ascend-1")));
        send(json(action(ROUTING_KEY, "acknowledge", "ascend-1")));
        assertThat(sim.openIncident(ROUTING_KEY, "ascend-1")).get()
                .extracting(SimIncident::status).isEqualTo(IncidentStatus.ACKNOWLEDGED);

        // A trigger on an acknowledged incident joins it and leaves it acknowledged.
        send(json(trigger(ROUTING_KEY, "ascend-1")));
        send(json(action(ROUTING_KEY, "resolve", "ascend-1")));

        assertThat(sim.incidentsFor(ROUTING_KEY, "ascend-1")).singleElement().satisfies(incident -> {
            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(incident.triggerCount()).isEqualTo(2);
            assertThat(incident.log()).extracting(IncidentLogEntry::action).containsExactly(
                    EventAction.TRIGGER, EventAction.ACKNOWLEDGE, EventAction.TRIGGER, EventAction.RESOLVE);
            assertThat(incident.log()).extracting(IncidentLogEntry::requestSequence).isSorted();
        });
        assertThat(sim.openIncident(ROUTING_KEY, "ascend-1")).isEmpty();
        assertThat(sim.openIncidentCount()).isZero();
    }

    @Test
    void acknowledgeOrResolveForAnUnknownKeyIsDroppedWith202() {
        HttpResponse<String> ack = send(json(action(ROUTING_KEY, "acknowledge", "never-triggered")));
        HttpResponse<String> resolve = send(json(action(ROUTING_KEY, "resolve", "never-triggered")));

        assertThat(ack.body()).isEqualTo(ACCEPTED.formatted("never-triggered"));
        assertThat(resolve.body()).isEqualTo(ACCEPTED.formatted("never-triggered"));
        assertThat(sim.incidents()).isEmpty();
        assertThat(sim.requests()).extracting(RecordedRequest::outcome)
                .containsExactly(EventOutcome.DROPPED, EventOutcome.DROPPED);
        assertThat(sim.eventsFor("never-triggered")).hasSize(2);
    }

    @Test
    void acknowledgeOrResolveAfterResolveIsDropped() {
        send(json(trigger(ROUTING_KEY, "ascend-1")));
        send(json(action(ROUTING_KEY, "resolve", "ascend-1")));
        send(json(action(ROUTING_KEY, "acknowledge", "ascend-1")));
        send(json(action(ROUTING_KEY, "resolve", "ascend-1")));

        assertThat(sim.incidentsFor(ROUTING_KEY, "ascend-1")).singleElement().satisfies(incident -> {
            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(incident.log()).hasSize(2);
        });
        assertThat(sim.requests()).extracting(RecordedRequest::outcome).containsExactly(
                EventOutcome.OPENED, EventOutcome.RESOLVED, EventOutcome.DROPPED, EventOutcome.DROPPED);
    }

    @Test
    void triggerAfterResolveOpensANewIncident() {
        send(json(trigger(ROUTING_KEY, "ascend-1")));
        send(json(action(ROUTING_KEY, "resolve", "ascend-1")));
        send(json(trigger(ROUTING_KEY, "ascend-1")));

        assertThat(sim.incidentsFor(ROUTING_KEY, "ascend-1"))
                .extracting(SimIncident::number, SimIncident::status, SimIncident::triggerCount)
                .containsExactly(
                        tuple(1L, IncidentStatus.RESOLVED, 1),
                        tuple(2L, IncidentStatus.TRIGGERED, 1));
        assertThat(sim.openIncidentCount()).isEqualTo(1);
    }

    @Test
    void sameDedupKeyUnderAnotherRoutingKeyIsAnotherIncident() {
        send(json(trigger(ROUTING_KEY, "shared")));
        send(json(trigger(OTHER_ROUTING_KEY, "shared")));
        // A resolve through the other routing key only touches that key's incident (FACTS.md §3).
        send(json(action(OTHER_ROUTING_KEY, "resolve", "shared")));

        assertThat(sim.incidentsFor(ROUTING_KEY, "shared")).singleElement()
                .extracting(SimIncident::status).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(sim.incidentsFor(OTHER_ROUTING_KEY, "shared")).singleElement()
                .extracting(SimIncident::status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(sim.incidents()).hasSize(2);
    }

    @Test
    void dedupKeysAreCaseSensitive() {
        send(json(trigger(ROUTING_KEY, "Ascend-1")));
        send(json(action(ROUTING_KEY, "resolve", "ascend-1")));

        assertThat(sim.openIncident(ROUTING_KEY, "Ascend-1")).isPresent();
        assertThat(sim.requests()).extracting(RecordedRequest::outcome)
                .containsExactly(EventOutcome.OPENED, EventOutcome.DROPPED);
    }

    private HttpResponse<String> send(String body) {
        HttpResponse<String> response = http.enqueue(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }
}
