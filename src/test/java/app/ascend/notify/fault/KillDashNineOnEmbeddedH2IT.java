package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * The service on its embedded default (an H2 file under {@code ASCEND_DATA_DIR}, no
 * {@code SPRING_DATASOURCE_URL}) is killed with SIGKILL and started again on the same data dir, as a
 * supervisor would: every event it answered 202 still reaches PagerDuty. A 202 promises the event is
 * on disk; H2's default write delay (500 ms) used to keep the last commits in memory only, and a kill
 * lost them (issue 10). Two shapes: batches from many organizations with the kill right after the
 * last answer, and kills while events keep arriving.
 *
 * <p>Runs in the H2 execution of {@code ./mvnw verify} only: the database here is the embedded file,
 * whatever the execution's database is, so the PostgreSQL execution skips it
 * ({@link KillDashNineUnderLoadOnPostgresIT} is the same fault on PostgreSQL).
 */
class KillDashNineOnEmbeddedH2IT {
    private static final int ORGANIZATIONS = 20;
    private static final int EVENTS = 2_000;
    private static final int BATCH = 50;
    private static final int SENDERS = 2;
    private static final int KILLS = 3;
    /**
     * Faster than the deliveries can leave (PagerDuty answers after {@link #PAGERDUTY_LATENCY}, 64 sends
     * at once): a backlog builds, so what a kill takes from the database has not reached PagerDuty yet.
     */
    private static final double TRIGGERS_PER_SECOND = 40;
    private static final Duration PAGERDUTY_LATENCY = Duration.ofSeconds(3);
    private static final int ACCEPTED_BEFORE_KILL = FaultRig.LONG ? 150 : 40;
    /** Sends a kill can catch between PagerDuty's 202 and the service recording it: one per worker. */
    private static final int DELIVERY_WORKERS = 64;
    /**
     * Beside PagerDuty, the first organization's Slack channel (bot mode, the simulator's stand-in) takes one
     * trigger type: 20 messages, within Slack's one a second per channel.
     */
    private static final String SLACK_CHANNEL = "C0KILLDASH9";
    private static final String SLACK_TYPE = LoadDriver.TRIGGER_TYPES.get(0);
    /** Beside PagerDuty, the second organization's Splunk HEC channel takes every trigger it posts: 100 events. */
    private static final String HEC_COLLECTOR = "killdash9_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void everyBatchAnswered202ReachesPagerDutyWhenKilledRightAfterTheLastAnswer() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded H2 default: runs in the H2 execution only");
        Path logs = FaultRig.logDir("kill-dash-nine-embedded-h2-batches");
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).start()) {
            Map<String, String> environment = new HashMap<>(FaultRig.embeddedEnvironment(pagerDuty));
            environment.put("ASCEND_SLACK_API_URL", pagerDuty.baseUrl() + "/slack/api");
            HecAudit.allowLoopback(environment);
            ServiceProcess service = ServiceProcess.start("before-kill", environment, logs);
            try {
                List<ApiClient> senders = organizations(service.baseUrl(), pagerDuty);
                Queue<String> acceptedForSlack = new ConcurrentLinkedQueue<>();
                Queue<String> acceptedForHec = new ConcurrentLinkedQueue<>();
                String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                Queue<String> accepted = new ConcurrentLinkedQueue<>();
                Queue<String> refused = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
                try {
                    List<CompletableFuture<Void>> batches = new ArrayList<>();
                    for (int b = 0; b < EVENTS / BATCH; b++) {
                        ApiClient sender = senders.get(b % ORGANIZATIONS);
                        List<String> actions = new ArrayList<>();
                        List<Map<String, Object>> events = new ArrayList<>();
                        for (int i = 0; i < BATCH; i++) {
                            int n = b * BATCH + i;
                            String action = "act_" + run + "_" + n;
                            actions.add(action);
                            events.add(Map.of("type", LoadDriver.TRIGGER_TYPES.get(n % LoadDriver.TRIGGER_TYPES.size()),
                                    "action_id", action, "risk_score", 50 + n % 50, "summary", "embedded H2 batch " + n));
                        }
                        List<String> forSlack = b % ORGANIZATIONS != 0 ? List.of() : actions.stream()
                                .filter(a -> events.get(actions.indexOf(a)).get("type").equals(SLACK_TYPE)).toList();
                        boolean forHec = b % ORGANIZATIONS == 1;
                        batches.add(CompletableFuture.runAsync(() -> {
                            ApiResponse answer = sender.post("/api/events", events);
                            (answer.status() == 202 ? accepted : refused).addAll(actions);
                            if (answer.status() == 202) {
                                acceptedForSlack.addAll(forSlack);
                                if (forHec) {
                                    acceptedForHec.addAll(actions);
                                }
                            }
                        }, pool));
                    }
                    CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
                } finally {
                    pool.shutdown();
                }
                service.kill(); // right after the last 202
                long killedAt = DeliveryAudit.nowEpochNanos();
                assertThat(refused).as("events not answered 202 (the issue's run had all %d accepted)", EVENTS).isEmpty();
                service = service.restart("after-kill");

                Duration drain = awaitAtPagerDuty(pagerDuty, List.copyOf(accepted), List.of(), Duration.ofSeconds(90));
                DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, accepted, List.of(), 120);
                assertThat(result.repeats()).as("repeated triggers not explained by the kill")
                        .allMatch(r -> r.straddles(killedAt));
                assertThat(result.repeatedTriggers()).isLessThanOrEqualTo(DELIVERY_WORKERS);
                int slackRepeats = assertEachReachedSlackOnce(pagerDuty, acceptedForSlack, killedAt);
                assertThat(acceptedForHec).as("triggers for the HEC channel").hasSize(EVENTS / ORGANIZATIONS);
                HecAudit.Result hec = HecAudit.assertNothingLost(pagerDuty, HEC_COLLECTOR, acceptedForHec, List.of(),
                        List.of(killedAt), DELIVERY_WORKERS, Duration.ofSeconds(90));
                System.out.printf("fault/kill -9 on embedded H2 after batches (Splunk HEC: %d triggers, all received, %d"
                        + " received twice across the kill, %d events at the collector)%n", acceptedForHec.size(),
                        hec.repeatedDeliveries(), hec.events());

                System.out.printf("fault/kill -9 on embedded H2 after batches (Slack: %d messages, %d repeated across the"
                        + " kill)%n", acceptedForSlack.size(), slackRepeats);
                System.out.printf("fault/kill -9 on embedded H2 after batches: %d organizations posted %d events in batches"
                        + " of %d, all answered 202, killed right after the last answer and restarted on the same data dir;"
                        + " %d incidents at PagerDuty, 1 per dedup key; %d triggers repeated (each straddling the kill);"
                        + " max %d events per key per 60 s; drained %d s after the restart%n",
                        ORGANIZATIONS, EVENTS, BATCH, result.triggersDelivered(), result.repeatedTriggers(),
                        result.maxInWindow(), drain.toSeconds());
            } finally {
                service.close();
            }
        }
    }

    @Test
    void everyEventAnswered202ReachesPagerDutyThroughThreeKillsUnderLoad() throws Exception {
        Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded H2 default: runs in the H2 execution only");
        Path logs = FaultRig.logDir("kill-dash-nine-embedded-h2-under-load");
        List<Long> killedAt = new ArrayList<>();
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).latency(PAGERDUTY_LATENCY).start()) {
            ServiceProcess service = ServiceProcess.start("incarnation-0", FaultRig.embeddedEnvironment(pagerDuty), logs);
            try {
                FaultRig.Paging paging = FaultRig.Paging.create(service.baseUrl());
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
                Duration drain = awaitAtPagerDuty(pagerDuty, driver.acceptedTriggers(), driver.acceptedApprovals(),
                        Duration.ofSeconds(90));
                DeliveryAudit.Result result = DeliveryAudit.check(pagerDuty, driver.acceptedTriggers(),
                        driver.acceptedApprovals(), 120);
                assertThat(result.repeats()).as("repeated triggers not explained by a kill")
                        .allMatch(r -> killedAt.stream().anyMatch(r::straddles));
                assertThat(result.repeatedTriggers()).isLessThanOrEqualTo(KILLS * DELIVERY_WORKERS);

                System.out.printf("fault/kill -9 x%d under load on embedded H2: sent %d requests, answers %s; %d incidents"
                        + " from %d accepted triggers, %d resolved from %d accepted approvals, 1 incident per dedup key,"
                        + " no resolve before its trigger; %d triggers repeated (each straddling a kill); max %d events per"
                        + " key per 60 s; drained %d s%n",
                        KILLS, sent.size(), LoadDriver.byStatus(sent), result.triggersDelivered(),
                        driver.acceptedTriggers().size(), result.resolvesDelivered(), driver.acceptedApprovals().size(),
                        result.repeatedTriggers(), result.maxInWindow(), drain.toSeconds());
            } finally {
                service.close();
            }
        }
    }

    /**
     * {@link DeliveryAudit#awaitDelivered}, failing with how many accepted events are missing (the
     * count is the finding; the list of ids is long).
     */
    private static Duration awaitAtPagerDuty(PagerDutySimulator pagerDuty, Collection<String> triggers,
            Collection<String> approvals, Duration atMost) {
        try {
            return DeliveryAudit.awaitDelivered(pagerDuty, triggers, approvals, atMost);
        } catch (ConditionTimeoutException | AssertionError e) {
            Map<String, List<SimIncident>> byDedupKey = pagerDuty.incidents().stream()
                    .collect(Collectors.groupingBy(SimIncident::dedupKey));
            Set<String> missing = triggers.stream().filter(a -> !byDedupKey.containsKey(LoadDriver.dedupKey(a)))
                    .collect(Collectors.toSet());
            long unresolved = approvals.stream().filter(a -> byDedupKey.getOrDefault(LoadDriver.dedupKey(a), List.of())
                    .stream().noneMatch(i -> i.status() == IncidentStatus.RESOLVED)).count();
            return fail("%d of %d triggers and %d of %d approvals answered 202 never reached PagerDuty (within %s of the"
                    + " restart); e.g. %s", missing.size(), triggers.size(), unresolved, approvals.size(), atMost,
                    missing.stream().sorted().limit(5).toList());
        }
    }

    /**
     * Every trigger for the Slack channel answered 202 reached Slack's stand-in (nothing lost); one posted twice
     * only across the kill (sent before it, its answer not recorded, sent again after the restart). Answers how
     * many were repeated.
     */
    private static int assertEachReachedSlackOnce(PagerDutySimulator sim, Collection<String> actions, long killedAt) {
        assertThat(actions).as("triggers for the Slack channel").hasSize(20);
        Map<String, List<app.ascend.notify.simulator.SlackPost>> byDedupKey = new HashMap<>();
        org.awaitility.Awaitility.await("every Slack message posted").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    byDedupKey.clear();
                    sim.slack().postsTo(SLACK_CHANNEL).stream().filter(app.ascend.notify.simulator.SlackPost::accepted)
                            .forEach(post -> byDedupKey.computeIfAbsent(post.body().toString()
                                    .replaceAll(".*dedup key (ascend-[^ \"\\\\]+).*", "$1"), k -> new ArrayList<>())
                                    .add(post));
                    return actions.stream().allMatch(a -> byDedupKey.containsKey(LoadDriver.dedupKey(a)));
                });
        int repeated = 0;
        for (String action : actions) {
            List<app.ascend.notify.simulator.SlackPost> posts = byDedupKey.get(LoadDriver.dedupKey(action));
            if (posts.size() > 1) {
                repeated++;
                assertThat(posts).as("a repeat of %s straddles the kill", action).hasSize(2);
                assertThat(epochNanos(posts.get(0).at())).isLessThan(killedAt);
                assertThat(epochNanos(posts.get(1).at())).isGreaterThan(killedAt);
            }
        }
        assertThat(byDedupKey.keySet()).as("nothing but the channel's own triggers")
                .containsExactlyInAnyOrderElementsOf(actions.stream().map(LoadDriver::dedupKey).toList());
        return repeated;
    }

    private static long epochNanos(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /**
     * {@value #ORGANIZATIONS} organizations, each with its admin, one channel over five routing keys of
     * its own and an API key: the senders.
     */
    private static List<ApiClient> organizations(String baseUrl, PagerDutySimulator sim) {
        ApiClient root = new ApiClient(baseUrl);
        ApiResponse login = root.login(FaultRig.ROOT_EMAIL, FaultRig.ROOT_PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        List<ApiClient> senders = new ArrayList<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String email = "admin-" + suffix + "@fault.test";
            String password = "admin-password-" + suffix;
            ApiResponse organization = root.post("/api/organizations",
                    Map.of("name", "Org " + suffix, "admin_email", email, "admin_password", password));
            assertThat(organization.status()).as(organization.body()).isEqualTo(201);
            ApiClient admin = new ApiClient(baseUrl);
            assertThat(admin.login(email, password).status()).isEqualTo(200);
            // Each trigger type to its own routing key, as FaultRig.Paging does: 20 events a key, so even if a
            // kill repeated all of a key's sends, it stays far below PagerDuty's 120 a minute.
            List<Map<String, Object>> rules = new ArrayList<>();
            for (String type : LoadDriver.TRIGGER_TYPES.subList(1, LoadDriver.TRIGGER_TYPES.size())) {
                rules.add(Map.of("events", List.of(type), "routing_key", newRoutingKey()));
            }
            Map<String, Object> channel = new HashMap<>(Map.of("name", "PagerDuty " + suffix, "type", "pagerduty",
                    "config", Map.of("routing_key", newRoutingKey()), "routing_rules", rules));
            ApiResponse created = admin.post("/api/notifications/channels", channel);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            if (i == 0) {
                ApiResponse slack = admin.post("/api/notifications/channels", Map.of("name", "Slack " + suffix,
                        "type", "slack", "events", List.of(SLACK_TYPE), "config",
                        Map.of("bot_token", "xoxb-fault-" + suffix, "channel", SLACK_CHANNEL)));
                assertThat(slack.status()).as(slack.body()).isEqualTo(201);
            }
            if (i == 1) {
                HecAudit.createChannel(admin, sim, HEC_COLLECTOR, LoadDriver.TRIGGER_TYPES);
            }
            ApiResponse key = admin.post("/api/api-keys", Map.of("name", "engine"));
            assertThat(key.status()).as(key.body()).isEqualTo(201);
            senders.add(new ApiClient(baseUrl).withApiKey(key.json().get("key").stringValue()));
        }
        return senders;
    }

    private static String newRoutingKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
