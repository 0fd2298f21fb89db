package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.EventOutcome;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * Two instances on one PostgreSQL whose wall clocks are 10 s apart (A 5 s ahead, B 5 s behind, by the
 * test-only {@code ascend.test.clock-skew}, which also shifts the time inside their ids). Neither order
 * nor the per-key rate limit may depend on it: a sequence's order is the database's, and lease ends,
 * due times and rate windows follow the database's clock.
 */
@ExtendWith(PostgresAvailableCondition.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockSkewOrderOnPostgresIT {
    private static final int RATE_LIMIT = 120;
    private static final int ACTIONS = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private PagerDutySimulator pagerDuty;
    private ServiceProcess ahead;
    private ServiceProcess behind;
    private ApiClient viaAhead;
    private ApiClient viaBehind;
    private FaultRig.Paging paging;

    @BeforeAll
    void startTwoInstancesTenSecondsApart() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        pagerDuty = PagerDutySimulator.builder().port(0).rateLimit(RATE_LIMIT).start();
        Path logs = FaultRig.logDir("clock-skew");
        Map<String, String> environment = new HashMap<>(
                FaultRig.environment(TestDatabase.newDatabaseUrl(), TestDatabase.username(), pagerDuty));
        environment.put("ASCEND_TEST_CLOCK_SKEW", "5s");
        ahead = ServiceProcess.start("ahead", environment, logs);
        environment.put("ASCEND_TEST_CLOCK_SKEW", "-5s");
        environment.put("ASCEND_DATA_DIR", Files.createTempDirectory("ascend-skew-b").toString());
        behind = ServiceProcess.start("behind", environment, logs);
        paging = FaultRig.Paging.create(ahead.baseUrl());
        viaAhead = new ApiClient(ahead.baseUrl()).withApiKey(paging.apiKey());
        viaBehind = new ApiClient(behind.baseUrl()).withApiKey(paging.apiKey());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] { behind, ahead, pagerDuty }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void approvalsTakenByTheInstanceTenSecondsBehindStillFollowTheirTriggers() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> actions = new ArrayList<>();
        pagerDuty.setOutage(true);
        for (int i = 0; i < ACTIONS; i++) {
            String action = "act_skew_" + run + "_" + i;
            assertThat(viaAhead.post("/api/events", Map.of("type", "action.blocked", "action_id", action,
                    "risk_score", 90)).status()).isEqualTo(202);
            actions.add(action);
        }
        for (String action : actions) {
            assertThat(viaBehind.post("/api/events", Map.of("type", "action.approved", "action_id", action)).status())
                    .isEqualTo(202);
        }
        long acceptedBefore = pagerDuty.stats().acceptedEvents();
        Awaitility.await("PagerDuty down for " + OUTAGE).during(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                .pollInterval(Duration.ofMillis(500)).until(() -> pagerDuty.stats().acceptedEvents() == acceptedBefore);
        assertThat(pagerDuty.stats().byStatus().getOrDefault(503, 0L)).as("sends refused during the outage").isPositive();
        pagerDuty.setOutage(false);

        // Both kinds arrive whatever their order; then the order is checked (before the fix every
        // resolve went first, PagerDuty dropped it, and the incident stayed open).
        Awaitility.await("a trigger and a resolve accepted for every action").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> actions.stream().allMatch(a -> {
                    List<String> seen = acceptedActions(a);
                    return seen.contains("trigger") && seen.contains("resolve");
                }));
        for (String action : actions) {
            // Not even a refused resolve may come before PagerDuty has taken the trigger.
            List<String> seen = pagerDuty.requests().stream().filter(r -> LoadDriver.dedupKey(action).equals(r.dedupKey()))
                    .map(r -> r.json().get("event_action").asString() + " " + r.status()).toList();
            int firstResolve = seen.stream().filter(r -> r.startsWith("resolve")).findFirst().map(seen::indexOf).orElse(-1);
            assertThat(seen.indexOf("trigger 202")).as("%s: PagerDuty saw %s", action, seen).isBetween(0, firstResolve);
        }
        DeliveryAudit.awaitDelivered(pagerDuty, actions, actions, Duration.ofSeconds(30));
        DeliveryAudit.check(pagerDuty, actions, actions, RATE_LIMIT);
    }

    @Test
    @Order(2)
    void bothInstancesTogetherKeepOneKeysRateLimit() {
        // policy.violation goes to its own routing key (FaultRig's rules): 130 triggers for it, half
        // posted to each instance, more than the key may take in 60 s.
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> actions = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 65; i++) {
                String action = "act_rate_" + run + "_" + half + "_" + i;
                batch.add(Map.of("type", "policy.violation", "action_id", action, "risk_score", 80));
                actions.add(action);
            }
            ApiResponse accepted = (half == 0 ? viaAhead : viaBehind).post("/api/events", batch);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }
        DeliveryAudit.awaitDelivered(pagerDuty, actions, List.of(), Duration.ofSeconds(100));
        String routingKey = paging.routingKeys().get(1);
        int maxInWindow = pagerDuty.stats().maxEventsPerWindowByRoutingKey().get(routingKey);
        assertThat(pagerDuty.stats().byOutcome().getOrDefault(EventOutcome.THROTTLED, 0L))
                .as("events PagerDuty answered 429 for its rate limit").isZero();
        assertThat(maxInWindow).as("most events of the key in a 60 s window").isLessThanOrEqualTo(RATE_LIMIT);
        System.out.printf("clock skew ±5 s: %d triggers on one key through two instances, max %d per 60 s (limit %d)%n",
                actions.size(), maxInWindow, RATE_LIMIT);
    }

    private List<String> acceptedActions(String action) {
        String dedupKey = LoadDriver.dedupKey(action);
        return pagerDuty.requests().stream().filter(r -> r.accepted() && dedupKey.equals(r.dedupKey()))
                .map(RecordedRequest::json).map(j -> j.get("event_action").asString()).toList();
    }
}
