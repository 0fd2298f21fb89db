package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * The service is killed with SIGKILL three times while events keep arriving, and started again on
 * the same database and port each time (as a supervisor would). Every event it answered 202 still
 * reaches PagerDuty: each trigger as exactly one incident, each approval resolving it, never a resolve
 * before its trigger. A trigger may reach PagerDuty twice only when a kill fell between PagerDuty's
 * 202 and the service recording it (the outbox is at-least-once); PagerDuty folds the repeat into the
 * same incident, and the test checks every repeat straddles a kill.
 */
@ExtendWith(PostgresAvailableCondition.class)
class KillDashNineUnderLoadOnPostgresIT {
    private static final int KILLS = 3;
    private static final double TRIGGERS_PER_SECOND = 5;
    /** Triggers answered 202 by each incarnation before it is killed (short: a few seconds of load). */
    private static final int ACCEPTED_BEFORE_KILL = FaultRig.LONG ? 150 : 15;

    @Test
    void everyEventAnswered202ReachesPagerDutyOnceThroughThreeKills() throws Exception {
        // Separate processes share nothing in memory: this needs the database server (the H2 run excludes it).
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        Path logs = FaultRig.logDir("kill-dash-nine");
        List<Long> killedAt = new ArrayList<>();
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).start()) {
            java.util.Map<String, String> environment = FaultRig.environment(TestDatabase.newDatabaseUrl(),
                    TestDatabase.username(), pagerDuty);
            HecAudit.allowLoopback(environment);
            ServiceProcess service = ServiceProcess.start("incarnation-0", environment, logs);
            try {
                FaultRig.Paging paging = FaultRig.Paging.create(service.baseUrl());
                // Beside PagerDuty, a Splunk HEC channel of the same organization takes every event, approvals too.
                String collector = "killdash9_pg_" + java.util.UUID.randomUUID().toString().replace("-", "");
                List<String> everyType = new ArrayList<>(LoadDriver.TRIGGER_TYPES);
                everyType.add("action.approved");
                HecAudit.createChannel(paging.admin(), pagerDuty, collector, everyType);
                String baseUrl = service.baseUrl();
                LoadDriver driver = LoadDriver.start(() -> baseUrl, paging.apiKey(), TRIGGERS_PER_SECOND);
                for (int kill = 1; kill <= KILLS; kill++) {
                    driver.awaitMoreAccepted(ACCEPTED_BEFORE_KILL);
                    service.kill();
                    killedAt.add(DeliveryAudit.nowEpochNanos());
                    service = service.restart("incarnation-" + kill);
                }
                driver.awaitMoreAccepted(ACCEPTED_BEFORE_KILL);
                driver.stop();

                List<LoadDriver.Sent> sent = driver.results();
                Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, driver.acceptedTriggers(), driver.acceptedApprovals(),
                        Duration.ofSeconds(120));
                DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, driver.acceptedTriggers(),
                        driver.acceptedApprovals(), 120);
                // Each repeat needs a kill between its two copies, and a kill can repeat at most the sends
                // in flight at that moment (one per worker).
                assertThat(result.repeats()).as("repeated triggers not explained by a kill")
                        .allMatch(r -> killedAt.stream().anyMatch(r::straddles));
                assertThat(result.repeatedTriggers()).isLessThanOrEqualTo(KILLS * FaultRig.WORKERS);
                assertThat(driver.acceptedTriggers()).hasSizeGreaterThanOrEqualTo((KILLS + 1) * ACCEPTED_BEFORE_KILL);
                HecAudit.Result hec = HecAudit.assertNothingLost(pagerDuty, collector, driver.acceptedTriggers(),
                        driver.acceptedApprovals(), killedAt, KILLS * FaultRig.WORKERS, Duration.ofSeconds(120));
                System.out.printf("fault/kill -9 x%d under load, Splunk HEC beside PagerDuty: every accepted trigger and"
                        + " approval received (lost 0); %d deliveries, %d received more than once (each straddling a kill),"
                        + " %d events at the collector%n", KILLS, hec.deliveries(), hec.repeatedDeliveries(), hec.events());

                System.out.printf("fault/kill -9 x%d under load: sent %d requests (%d triggers, %d approvals), answers %s;"
                        + " checked every 202 at PagerDuty: %d incidents from %d accepted triggers, %d resolved from %d"
                        + " accepted approvals, 1 incident per dedup key, no resolve before its trigger; PagerDuty got"
                        + " %d requests %s, %d triggers repeated (each straddling a kill), max %d events per key per 60 s; drained %d s after the load stopped%n",
                        KILLS, sent.size(), sent.stream().filter(LoadDriver.Sent::trigger).count(),
                        sent.stream().filter(s -> !s.trigger()).count(), LoadDriver.byStatus(sent),
                        result.triggersDelivered(), driver.acceptedTriggers().size(), result.resolvesDelivered(),
                        driver.acceptedApprovals().size(), result.requestsAtPagerDuty(), result.pagerDutyAnswers(),
                        result.repeatedTriggers(), result.maxInWindow(), drain.toSeconds());
            } finally {
                service.close();
            }
        }
    }
}
