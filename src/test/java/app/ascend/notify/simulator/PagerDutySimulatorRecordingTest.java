package app.ascend.notify.simulator;

import static app.ascend.notify.simulator.TestEvents.ROUTING_KEY;
import static app.ascend.notify.simulator.TestEvents.json;
import static app.ascend.notify.simulator.TestEvents.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request is recorded in arrival order, with times a benchmark can compute latency from. */
class PagerDutySimulatorRecordingTest {

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
    void baseUrlPointsAtLoopbackAndTheChosenPort() {
        assertThat(sim.port()).isPositive();
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.enqueueUrl()).isEqualTo(sim.baseUrl() + "/v2/enqueue");
        assertThat(sim.changeEnqueueUrl()).isEqualTo(sim.baseUrl() + "/v2/change/enqueue");
    }

    @Test
    void recordsBodyParsedJsonStatusResponseAndWallClockTimes() {
        String body = json(trigger(ROUTING_KEY, "ascend-1"));
        long before = System.currentTimeMillis() * 1_000_000L;
        String answer = http.enqueue(body).body();
        long after = System.currentTimeMillis() * 1_000_000L + 1_000_000L;

        assertThat(sim.requests()).singleElement().satisfies(r -> {
            assertThat(r.sequence()).isEqualTo(1);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v2/enqueue");
            assertThat(r.rawBody()).isEqualTo(body);
            assertThat(r.json().get("dedup_key").stringValue()).isEqualTo("ascend-1");
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.responseBody()).isEqualTo(answer);
            assertThat(r.routingKey()).isEqualTo(ROUTING_KEY);
            // Allow a few ms of difference between the two wall-clock readings.
            assertThat(r.receivedAtEpochNanos()).isBetween(before - 5_000_000L, after + 5_000_000L);
            assertThat(r.answeredAtEpochNanos()).isGreaterThanOrEqualTo(r.receivedAtEpochNanos());
        });
    }

    @Test
    void keepsArrivalOrderAndOnlyAcceptedEventsInAcceptedEvents() {
        http.enqueue(json(trigger(ROUTING_KEY, "a")));
        http.enqueue("{");
        http.enqueue(json(trigger(ROUTING_KEY, "b")));

        assertThat(sim.requests()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L, 3L);
        assertThat(sim.requests()).extracting(RecordedRequest::status).containsExactly(202, 400, 202);
        assertThat(sim.acceptedEvents()).extracting(RecordedRequest::dedupKey).containsExactly("a", "b");
        assertThat(sim.requestsSince(2)).extracting(RecordedRequest::dedupKey).containsExactly("b");
    }

    @Test
    void concurrentSendersAreAllRecordedExactlyOnce() throws Exception {
        sim.setRateLimit(0);
        int senders = 8;
        int perSender = 150;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Integer>> accepted = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                accepted.add(pool.submit(() -> {
                    SimHttp own = new SimHttp(sim);
                    int ok = 0;
                    for (int i = 0; i < perSender; i++) {
                        // Every sender repeats the same 10 keys, so triggers join open incidents concurrently.
                        if (own.enqueue(json(trigger(ROUTING_KEY, "key-" + (i % 10)))).statusCode() == 202) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> future : accepted) {
                total += future.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(senders * perSender);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sim.requests()).extracting(RecordedRequest::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, senders * perSender).boxed().toList());
        assertThat(sim.incidents()).hasSize(10);
        assertThat(sim.incidents()).extracting(SimIncident::triggerCount).containsOnly(senders * perSender / 10);
        assertThat(sim.stats().triggers()).isEqualTo(senders * perSender);
    }

    @Test
    void commandLineOptionsParse() {
        SimulatorOptions defaults = SimulatorOptions.parse(new String[0]);
        SimulatorOptions custom = SimulatorOptions.parse(
                new String[] {"--port", "9999", "--rate-limit", "0", "--latency-ms", "25"});

        assertThat(defaults).isEqualTo(new SimulatorOptions("127.0.0.1", 8090, 120, 0));
        assertThat(custom).isEqualTo(new SimulatorOptions("127.0.0.1", 9999, 0, 25));
    }
}
