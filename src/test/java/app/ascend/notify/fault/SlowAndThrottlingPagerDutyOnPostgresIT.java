package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.EventOutcome;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty misbehaving without being down: throttling 30 % of requests at random (429), and answering
 * only after 15 s, past the service's 10 s client timeout (so the service must treat a send as
 * failed although PagerDuty took it). Either way everything answered 202 is delivered, and each dedup
 * key is exactly one incident: a 429 is retried (PagerDuty did not take the event); a timed-out trigger
 * is sent again and PagerDuty folds the repeat into the same incident. One service process serves both
 * tests (a start costs ~10 s on two cores); the simulator is reset between them, the throttling test
 * first so no slow answer from the latency test is still outstanding when the simulator is reset.
 */
@ExtendWith(PostgresAvailableCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowAndThrottlingPagerDutyOnPostgresIT {
    private static final int RATE_LIMIT = 120;
    /** Short: 429s for a window (a 429 is retried no sooner than 30 s, so a chain of them is minutes); long: until done. */
    private static final Duration THROTTLING = FaultRig.pick(Duration.ofSeconds(35), Duration.ofMinutes(10));
    /** Slow beyond the first timeout of every trigger (short: not at all; long: a minute of repeated timeouts). */
    private static final Duration SLOW = FaultRig.pick(Duration.ZERO, Duration.ofSeconds(60));
    private static final Duration LATENCY = Duration.ofSeconds(15);
    private static PagerDutySimulator pagerDuty;
    private static ServiceProcess service;
    private static FaultRig.Paging paging;

    @BeforeAll
    static void start() throws Exception {
        if (!TestDatabase.isPostgres()) {
            return; // the H2 run: each test skips itself
        }
        pagerDuty = PagerDutySimulator.builder().port(0).rateLimit(RATE_LIMIT).start();
        Map<String, String> environment = FaultRig.environment(TestDatabase.newDatabaseUrl(), TestDatabase.username(),
                pagerDuty);
        // The default 30 s lease: here sends last the client's full 10 s timeout, and with a shorter lease a
        // send still in flight is claimed and sent again, and its late outcome overwrites the later one's
        // (a delivered trigger put back to pending, re-sent after its resolve: a second incident).
        environment.remove("ASCEND_DELIVERY_LEASE");
        service = ServiceProcess.start("service", environment, FaultRig.logDir("slow-and-throttling-pagerduty"));
        paging = FaultRig.Paging.create(service.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (pagerDuty != null) {
            pagerDuty.close();
        }
    }

    @BeforeEach
    void freshSimulator() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        pagerDuty.reset();
    }

    @Test
    @Order(1)
    void whenPagerDutyThrottles30PercentEverythingIsDeliveredOnce() {
        pagerDuty.failRandomly(0.3, 429, 42);
        LoadDriver driver = LoadDriver.start(service::baseUrl, paging.apiKey(), 10);
        driver.awaitMoreAccepted(FaultRig.LONG ? 150 : 30);
        driver.stop();
        List<String> triggers = driver.acceptedTriggers();
        List<String> approvals = driver.acceptedApprovals();

        if (FaultRig.LONG) {
            // Throttled all along: retries keep going until every 429 chain ends (each link ≥ 30 s).
            DeliveryAudit.awaitDelivered(pagerDuty, triggers, approvals, THROTTLING);
        } else {
            // Throttled for a window; meanwhile 429s are retried, never folded into a second incident.
            Awaitility.await("PagerDuty throttling 30 %").during(THROTTLING).atMost(THROTTLING.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pagerDuty.incidents().stream().map(SimIncident::dedupKey).distinct().count()
                            == pagerDuty.incidents().size());
        }
        long injected = pagerDuty.stats().byOutcome().getOrDefault(EventOutcome.INJECTED_FAULT, 0L);
        long deliveredWhileThrottled = pagerDuty.incidents().size();
        pagerDuty.clearFaults();
        Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, triggers, approvals, Duration.ofSeconds(90));
        DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, triggers, approvals, RATE_LIMIT);

        assertThat(injected).as("429s PagerDuty answered").isPositive();
        assertThat(driver.results()).allMatch(LoadDriver.Sent::accepted);
        // A 429 means PagerDuty did not take the event: nothing may be accepted twice.
        assertThat(result.repeatedTriggers()).as("repeated triggers").isZero();
        System.out.printf("fault/PagerDuty throttling 30 %% (%d s window, or until delivered in the long run): sent %d events, answers %s;"
                + " PagerDuty answered %d of %d requests 429 (injected), %d of %d incidents opened while throttling;"
                + " checked: %d incidents, %d resolved, 1 incident per dedup key, trigger before resolve, 0 repeated"
                + " triggers, max %d events per key per 60 s; the rest delivered %d s after the 429s stopped%n",
                THROTTLING.toSeconds(), driver.results().size(), LoadDriver.byStatus(driver.results()), injected,
                result.requestsAtPagerDuty(), deliveredWhileThrottled, triggers.size(), result.triggersDelivered(),
                result.resolvesDelivered(), result.maxInWindow(), drain.toSeconds());
    }

    @Test
    @Order(2)
    void whenPagerDutyAnswersAfterTheClientTimeoutEverythingIsDeliveredAsOneIncidentPerKey() {
        pagerDuty.setLatency(LATENCY);
        LoadDriver driver = LoadDriver.start(service::baseUrl, paging.apiKey(), 2);
        driver.awaitMoreAccepted(8);
        driver.stop();
        List<String> triggers = driver.acceptedTriggers();
        List<String> approvals = driver.acceptedApprovals();
        Set<String> dedupKeys = new HashSet<>(triggers.stream().map(LoadDriver::dedupKey).toList());

        // Slow for a while: at least until every trigger's send has timed out once in the service's log.
        Awaitility.await("every trigger's send timed out").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> timedOut(dedupKeys).containsAll(dedupKeys));
        if (!SLOW.isZero()) {
            Awaitility.await("PagerDuty slow for " + SLOW).during(SLOW).atMost(SLOW.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pagerDuty.incidents().stream().map(SimIncident::dedupKey).distinct().count()
                            == pagerDuty.incidents().size());
        }
        pagerDuty.setLatency(Duration.ZERO);
        long fastAgainAt = DeliveryAudit.nowEpochNanos();
        Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, triggers, approvals, Duration.ofSeconds(90));
        DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, triggers, approvals, RATE_LIMIT);
        int timeouts = timeoutAttempts(); // all recorded: a delivery is done only after its last send

        assertThat(driver.results()).allMatch(LoadDriver.Sent::accepted);
        // Every repeat is a send the service gave up on while PagerDuty was slow.
        assertThat(result.repeats()).allMatch(r -> r.firstReceivedAtEpochNanos() < fastAgainAt);
        assertThat(result.repeatedTriggers()).as("repeats: at most one per send that timed out").isLessThanOrEqualTo(timeouts);
        System.out.printf("fault/PagerDuty answering after %d s (client timeout 10 s) until every trigger timed out, + %d s: sent %d events,"
                + " answers %s; %d sends timed out in the service's log; checked: %d incidents, %d resolved,"
                + " 1 incident per dedup key, trigger before resolve; %d triggers repeated (PagerDuty folded each"
                + " into its incident), PagerDuty got %d requests, max %d events per key per 60 s; all delivered %d s"
                + " after PagerDuty was fast again%n",
                LATENCY.toSeconds(), SLOW.toSeconds(), driver.results().size(), LoadDriver.byStatus(driver.results()),
                timeouts, result.triggersDelivered(), result.resolvesDelivered(), result.repeatedTriggers(),
                result.requestsAtPagerDuty(), result.maxInWindow(), drain.toSeconds());
    }

    /**
     * An attempt the service gave up waiting for: the whole exchange is bounded, and the delivery log says
     * "no complete answer from PagerDuty within 10.0 s".
     */
    private static boolean timedOutAttempt(JsonNode attempt) {
        return attempt.path("message").asString("").contains("answer from PagerDuty within");
    }

    /** The dedup keys with an attempt the service gave up waiting for. */
    private static Set<String> timedOut(Set<String> of) {
        Set<String> keys = new HashSet<>();
        for (JsonNode delivery : deliveryLog()) {
            String dedupKey = delivery.get("dedup_key").stringValue();
            for (JsonNode attempt : delivery.get("attempts")) {
                if (of.contains(dedupKey) && timedOutAttempt(attempt)) {
                    keys.add(dedupKey);
                }
            }
        }
        return keys;
    }

    private static int timeoutAttempts() {
        int count = 0;
        for (JsonNode delivery : deliveryLog()) {
            for (JsonNode attempt : delivery.get("attempts")) {
                count += timedOutAttempt(attempt) ? 1 : 0;
            }
        }
        return count;
    }

    private static List<JsonNode> deliveryLog() {
        ApiResponse page = paging.admin().get("/api/notifications/deliveries?limit=200");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }
}
