package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * The database stops (immediate shutdown: backends die mid-transaction) for a while (short: 8 s,
 * long: 15 s) under steady load, then starts again. While it is down every ingest answers quickly
 * (a few seconds, not a hang) with 503 problem+json and {@code Retry-After}, never a 500, and
 * readiness is DOWN; once it is back the service recovers by itself: readiness UP, ingest 202 again,
 * and everything answered 202 before, during and after reaches PagerDuty, one incident per dedup key.
 *
 * <p>Runs on a private PostgreSQL cluster of its own (see {@link PrivatePostgres}): the machine's
 * shared one must never be stopped under other suites.
 */
@ExtendWith(PostgresAvailableCondition.class)
class PostgresStoppedOnPostgresIT {
    private static final Duration DOWN = FaultRig.pick(Duration.ofSeconds(8), Duration.ofSeconds(15));
    /** "Not a hang": far above the 3 s the pool waits for a connection, far below a client's patience. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void ingestAnswers503WhileTheDatabaseIsDownAndEverythingAcceptedIsDelivered() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        Optional<Path> bin = PrivatePostgres.binaries();
        if (bin.isEmpty()) {
            String why = "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or ASCEND_TEST_PG_BIN";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ": under CI=true this test must run");
            }
            Assumptions.abort("SKIPPED: " + why);
        }
        try (PrivatePostgres database = PrivatePostgres.start(bin.get());
                PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).start();
                ServiceProcess service = ServiceProcess.start("service",
                        FaultRig.environment(database.jdbcUrl(), "postgres", pagerDuty), FaultRig.logDir("postgres-stopped"))) {
            FaultRig.Paging paging = FaultRig.Paging.create(service.baseUrl());
            LoadDriver driver = LoadDriver.start(service::baseUrl, paging.apiKey(), 5);
            driver.awaitMoreAccepted(15);

            database.stopImmediately();
            long stoppedAt = System.nanoTime();
            long stoppedAtEpoch = DeliveryAudit.nowEpochNanos();
            Awaitility.await("readiness DOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness(service) == 503);
            // Down for its length, and readiness says so all along.
            Awaitility.await("database down for " + DOWN).during(DOWN).atMost(DOWN.plusSeconds(20))
                    .pollInterval(Duration.ofMillis(500)).until(() -> readiness(service) == 503);
            database.startServer();
            long startedAt = System.nanoTime();
            long startedAtEpoch = DeliveryAudit.nowEpochNanos();
            Awaitility.await("readiness UP again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness(service) == 200);
            long recoveredAt = System.nanoTime();
            driver.awaitMoreAccepted(15);
            driver.stop();

            List<LoadDriver.Sent> sent = driver.results();
            List<LoadDriver.Sent> whileDown = sent.stream()
                    .filter(s -> s.sentAtNanos() > stoppedAt && s.answeredAtNanos() < startedAt).toList();
            List<LoadDriver.Sent> refused = sent.stream().filter(s -> s.status() == 503).toList();
            assertThat(sent).as("every request answered (no hang, no dropped connection), 202 or 503")
                    .allSatisfy(s -> assertThat(s.status()).as("%s", s).isIn(202, 503));
            assertThat(whileDown).as("requests sent and answered while the database was down").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).as("%s", s).isEqualTo(503));
            assertThat(refused).allSatisfy(s -> {
                assertThat(s.problemJson()).as("503 is problem+json: %s", s).isTrue();
                assertThat(s.retryAfter()).as("503 says when to retry: %s", s).isNotBlank();
            });
            Duration slowest = sent.stream().map(LoadDriver.Sent::took).max(Duration::compareTo).orElseThrow();
            assertThat(slowest).as("slowest answer").isLessThan(ANSWER_WITHIN);

            Duration drain = DeliveryAudit.awaitDelivered(pagerDuty, driver.acceptedTriggers(), driver.acceptedApprovals(),
                    Duration.ofSeconds(90));
            DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, driver.acceptedTriggers(),
                    driver.acceptedApprovals(), 120);
            // A trigger goes twice only if its send was in flight when the database went away (PagerDuty
            // took it, recording that failed) and was sent again after its lease: first copy before the
            // database was back, the repeat after it stopped.
            assertThat(result.repeats()).as("repeated triggers not explained by the outage")
                    .allMatch(r -> r.firstReceivedAtEpochNanos() < startedAtEpoch
                            && r.secondReceivedAtEpochNanos() > stoppedAtEpoch);
            assertThat(result.repeatedTriggers()).isLessThanOrEqualTo(FaultRig.WORKERS);

            System.out.printf("fault/PostgreSQL stopped %d s under load: sent %d requests (%d triggers, %d approvals),"
                    + " answers %s; %d sent and answered while down, all 503 problem+json with Retry-After; slowest"
                    + " answer %d ms; readiness DOWN while down, UP %d ms after the restart; checked every 202 at"
                    + " PagerDuty: %d incidents, %d resolved, 1 incident per dedup key, trigger before resolve;"
                    + " %d repeated triggers, max %d events per key per 60 s; drained %d s after the load stopped%n",
                    DOWN.toSeconds(), sent.size(), sent.stream().filter(LoadDriver.Sent::trigger).count(),
                    sent.stream().filter(s -> !s.trigger()).count(), LoadDriver.byStatus(sent), whileDown.size(),
                    slowest.toMillis(), Duration.ofNanos(recoveredAt - startedAt).toMillis(), result.triggersDelivered(),
                    result.resolvesDelivered(), result.repeatedTriggers(), result.maxInWindow(), drain.toSeconds());
        }
    }

    private int readiness(ServiceProcess service) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
