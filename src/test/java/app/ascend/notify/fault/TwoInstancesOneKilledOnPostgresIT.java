package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * Two instances share one PostgreSQL; load is spread over both, and instance A is killed with
 * SIGKILL mid-load while it has sends in flight (PagerDuty answers after 1 s, so some almost always
 * are). B takes over A's claimed deliveries when their 10 s lease ends. Nothing answered 202 is lost:
 * every trigger is one incident, every approval resolves it, no resolve overtakes its trigger. The
 * outbox is at-least-once: a send A had in flight reached PagerDuty before the kill and is sent again
 * by B; the test checks every such repeat straddles the kill (PagerDuty folds it into the incident)
 * and that no other delivery went twice.
 */
@ExtendWith(PostgresAvailableCondition.class)
class TwoInstancesOneKilledOnPostgresIT {
    private static final int ACCEPTED_PER_PHASE = FaultRig.LONG ? 200 : 25;

    @Test
    void everyAcceptedEventIsDeliveredOnceAfterOneInstanceIsKilled() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        Path logs = FaultRig.logDir("two-instances-one-killed");
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).latency(Duration.ofSeconds(1)).start()) {
            Map<String, String> environment = FaultRig.environment(TestDatabase.newDatabaseUrl(), TestDatabase.username(),
                    pagerDuty);
            try (ServiceProcess a = ServiceProcess.start("instance-a", environment, logs);
                    ServiceProcess b = ServiceProcess.start("instance-b", environment, logs)) {
                FaultRig.Paging paging = FaultRig.Paging.create(a.baseUrl());
                AtomicBoolean aKilled = new AtomicBoolean();
                AtomicLong requests = new AtomicLong();
                // Alternate instances, as a load balancer would; only B once A is dead.
                LoadDriver driver = LoadDriver.start(
                        () -> !aKilled.get() && requests.getAndIncrement() % 2 == 0 ? a.baseUrl() : b.baseUrl(),
                        paging.apiKey(), 5);
                driver.awaitMoreAccepted(ACCEPTED_PER_PHASE);
                aKilled.set(true);
                a.kill();
                long killedAt = DeliveryAudit.nowEpochNanos();
                driver.awaitMoreAccepted(ACCEPTED_PER_PHASE);
                driver.stop();

                List<LoadDriver.Sent> sent = driver.results();
                Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, driver.acceptedTriggers(), driver.acceptedApprovals(),
                        Duration.ofSeconds(90));
                DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, driver.acceptedTriggers(),
                        driver.acceptedApprovals(), 120);
                assertThat(result.repeats()).as("repeated triggers not explained by the kill (sent twice otherwise)")
                        .allMatch(r -> r.straddles(killedAt));
                assertThat(result.repeatedTriggers()).as("repeats: at most A's sends in flight").isLessThanOrEqualTo(FaultRig.WORKERS);
                assertThat(b.isAlive()).isTrue();

                System.out.printf("fault/two instances, A killed mid-load: sent %d requests (%d triggers, %d approvals),"
                        + " answers %s; checked every 202 at PagerDuty: %d incidents, %d resolved, 1 incident per dedup"
                        + " key, trigger before resolve; %d triggers A had in flight at the kill were sent again by B"
                        + " (each straddling the kill, folded into its incident), no other delivery twice; PagerDuty got"
                        + " %d requests %s, max %d events per key per 60 s; drained %d s after the load stopped%n",
                        sent.size(), sent.stream().filter(LoadDriver.Sent::trigger).count(),
                        sent.stream().filter(s -> !s.trigger()).count(), LoadDriver.byStatus(sent),
                        result.triggersDelivered(), result.resolvesDelivered(), result.repeatedTriggers(),
                        result.requestsAtPagerDuty(), result.pagerDutyAnswers(), result.maxInWindow(), drain.toSeconds());
            }
        }
    }
}
