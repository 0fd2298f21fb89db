package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * PagerDuty answers 503 to everything for a while (short: 10 s, long: 60 s) in the middle of steady
 * load, then comes back. Ingest keeps answering 202 throughout (the outbox holds the deliveries);
 * afterwards everything answered 202 reaches PagerDuty, each trigger before its resolve, one incident
 * per dedup key, and the drain keeps to PagerDuty's rate limit: no routing key gets more than 120
 * events in any 60 s window and PagerDuty never has to answer 429. The long variant sends more than a
 * key's minute of events so the drain is actually paced by the rate budget.
 */
@ExtendWith(PostgresAvailableCondition.class)
class PagerDutyOutageOnPostgresIT {
    private static final int RATE_LIMIT = 120;
    private static final double TRIGGERS_PER_SECOND = 10;
    private static final Duration OUTAGE = FaultRig.pick(Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void everythingAcceptedDuringAnOutageIsDeliveredInOrderWithinTheRateLimit() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).rateLimit(RATE_LIMIT).start();
                ServiceProcess service = ServiceProcess.start("service",
                        FaultRig.environment(TestDatabase.newDatabaseUrl(), TestDatabase.username(), pagerDuty),
                        FaultRig.logDir("pagerduty-outage"))) {
            FaultRig.Paging paging = FaultRig.Paging.create(service.baseUrl());
            LoadDriver driver = LoadDriver.start(service::baseUrl, paging.apiKey(), TRIGGERS_PER_SECOND);
            driver.awaitMoreAccepted(20);

            pagerDuty.setOutage(true);
            long deliveredBefore = pagerDuty.stats().acceptedEvents();
            int acceptedBefore = driver.acceptedTriggers().size();
            // Hold the outage for its length while checking it is one: nothing gets through to PagerDuty.
            Awaitility.await("PagerDuty down for " + OUTAGE).during(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> pagerDuty.stats().acceptedEvents() == deliveredBefore);
            int acceptedDuringOutage = driver.acceptedTriggers().size() - acceptedBefore;
            long refusedDuringOutage = pagerDuty.stats().byStatus().getOrDefault(503, 0L);
            pagerDuty.setOutage(false);
            driver.awaitMoreAccepted(20);
            driver.stop();

            assertThat(acceptedDuringOutage).as("triggers answered 202 while PagerDuty was down")
                    .isGreaterThanOrEqualTo((int) (OUTAGE.toSeconds() * TRIGGERS_PER_SECOND / 2));
            assertThat(refusedDuringOutage).as("sends PagerDuty refused with 503 during the outage").isPositive();
            List<LoadDriver.Sent> sent = driver.results();
            assertThat(sent).as("every request answered 202 (PagerDuty's outage is not the sender's problem)")
                    .allMatch(LoadDriver.Sent::accepted);
            Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, driver.acceptedTriggers(), driver.acceptedApprovals(),
                    FaultRig.pick(Duration.ofSeconds(90), Duration.ofMinutes(6)));
            DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, driver.acceptedTriggers(),
                    driver.acceptedApprovals(), RATE_LIMIT);
            // A 503 means PagerDuty did not take the event: nothing may be accepted twice.
            assertThat(result.repeatedTriggers()).as("repeated triggers").isZero();

            System.out.printf("fault/PagerDuty outage %d s under load: sent %d requests (%d triggers, %d approvals),"
                    + " answers %s, %d triggers accepted during the outage; PagerDuty answered %d sends 503 during it;"
                    + " checked every 202 at PagerDuty: %d incidents, %d resolved, 1 incident per dedup key, trigger"
                    + " before resolve; PagerDuty got %d requests %s, 0 throttled, max %d events per key per 60 s"
                    + " (limit %d), %d repeated triggers; drained %d s after the load stopped%n",
                    OUTAGE.toSeconds(), sent.size(), sent.stream().filter(LoadDriver.Sent::trigger).count(),
                    sent.stream().filter(s -> !s.trigger()).count(), LoadDriver.byStatus(sent), acceptedDuringOutage,
                    refusedDuringOutage, result.triggersDelivered(), result.resolvesDelivered(),
                    result.requestsAtPagerDuty(), result.pagerDutyAnswers(), result.maxInWindow(), RATE_LIMIT,
                    result.repeatedTriggers(), drain.toSeconds());
        }
    }
}
