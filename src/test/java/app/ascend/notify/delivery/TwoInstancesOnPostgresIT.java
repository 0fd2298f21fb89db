package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.security.SecureRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.ServiceProcess;
import app.ascend.notify.support.TestDatabase;

/**
 * Two instances share one PostgreSQL with no coordinator of their own: a burst is shared between
 * them, one is killed (SIGKILL) mid-burst, and still every event answered 202 reaches PagerDuty, each
 * action has one incident, resolves never arrive before their trigger, and no routing key gets more
 * than the rate limit in any 60 s window — the budget is the cluster's, not each instance's.
 */
@ExtendWith(PostgresAvailableCondition.class)
class TwoInstancesOnPostgresIT {
    private static final int RATE_LIMIT = 40;
    private static final int ORGANIZATIONS = 6;
    private static final int TRIGGERS_PER_ORGANIZATION = 20;
    private static final int HOT_TRIGGERS = 50;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void aBurstSurvivesTheDeathOfOneInstance() throws Exception {
        // Separate processes share nothing in memory: this needs the database server (the H2 run excludes it).
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
        PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).rateLimit(RATE_LIMIT).start();
        running.add(pagerDuty);
        Path logs = Files.createDirectories(Path.of("target", "two-instances"));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", TestDatabase.newDatabaseUrl(),
                "SPRING_DATASOURCE_USERNAME", TestDatabase.username(),
                "ASCEND_SECRET_KEY", Base64.getEncoder().encodeToString(secret),
                "ASCEND_ADMIN_EMAIL", "root@two.test",
                "ASCEND_ADMIN_PASSWORD", "root-password-two-instances",
                "ASCEND_PAGERDUTY_URL", pagerDuty.baseUrl(),
                "ASCEND_PAGERDUTY_RATE_LIMIT", Integer.toString(RATE_LIMIT),
                "ASCEND_DELIVERY_LEASE", "3s"));
        environment.put("ASCEND_DATA_DIR", Files.createTempDirectory("two-a").toString());
        ServiceProcess a = ServiceProcess.start("instance-a", environment, logs);
        running.add(a);
        environment.put("ASCEND_DATA_DIR", Files.createTempDirectory("two-b").toString());
        ServiceProcess b = ServiceProcess.start("instance-b", environment, logs);
        running.add(b);

        // Organizations, each with its own routing key and API key; the last one is "hot": more
        // triggers than its key may take in a minute.
        ApiClient root = new ApiClient(a.baseUrl());
        assertThat(root.login("root@two.test", "root-password-two-instances").status()).isEqualTo(200);
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i <= ORGANIZATIONS; i++) {
            senders.add(Sender.create(root, a, b, i));
        }

        // The burst, alternating instances; A is killed halfway.
        List<String> acceptedDedupKeys = new ArrayList<>();
        Map<String, String> routingKeyOf = new HashMap<>();
        int posted = 0;
        boolean killed = false;
        for (int n = 0; n < HOT_TRIGGERS; n++) {
            for (Sender sender : senders) {
                boolean hot = sender == senders.get(senders.size() - 1);
                if (!hot && n >= TRIGGERS_PER_ORGANIZATION) {
                    continue;
                }
                ApiClient via = (posted++ % 2 == 0 && !killed) ? sender.viaA : sender.viaB;
                String action = "act_" + sender.index + "_" + n;
                if (post(via, Map.of("type", "action.blocked", "action_id", action, "risk_score", 90 - n % 50))) {
                    acceptedDedupKeys.add("ascend-" + action);
                    routingKeyOf.put("ascend-" + action, sender.routingKey);
                }
                if (!hot && n % 2 == 0) {
                    post(via, Map.of("type", "action.approved", "action_id", action));
                }
            }
            if (n == TRIGGERS_PER_ORGANIZATION / 2 && !killed) {
                a.kill();
                killed = true;
            }
        }
        assertThat(killed).isTrue();

        // Everything answered 202 reaches PagerDuty: one incident per action.
        Awaitility.await("every accepted trigger delivered").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (String dedupKey : acceptedDedupKeys) {
                        assertThat(pagerDuty.incidentsFor(routingKeyOf.get(dedupKey), dedupKey)).as(dedupKey).hasSize(1);
                    }
                });

        List<RecordedRequest> requests = pagerDuty.requests();
        assertThat(requests).as("no request PagerDuty throttled").noneMatch(r -> r.status() == 429);
        assertThat(pagerDuty.stats().maxEventsPerWindowByRoutingKey().values())
                .as("events per routing key in any 60 s window").allMatch(count -> count <= RATE_LIMIT);
        for (String dedupKey : acceptedDedupKeys) {
            List<String> actions = requests.stream().filter(r -> dedupKey.equals(r.dedupKey()) && r.status() == 202)
                    .map(r -> r.json().get("event_action").asString()).toList();
            int firstTrigger = actions.indexOf("trigger");
            int firstResolve = actions.indexOf("resolve");
            assertThat(firstResolve == -1 || firstResolve > firstTrigger).as("resolve after trigger for " + dedupKey).isTrue();
        }
        long duplicateTriggers = acceptedDedupKeys.stream().mapToLong(k -> requests.stream()
                .filter(r -> k.equals(r.dedupKey()) && r.status() == 202 && "trigger".equals(r.json().get("event_action").asString()))
                .count() - 1).sum();
        // A trigger may go twice only if A died between PagerDuty's 202 and recording it: at most the
        // sends A had in flight (its 16 workers). PagerDuty folds such a repeat into the same incident.
        assertThat(duplicateTriggers).as("repeat triggers after the kill").isLessThanOrEqualTo(16);
        System.out.printf("two instances: %d triggers accepted, %d requests at PagerDuty, %d repeated after the kill%n",
                acceptedDedupKeys.size(), requests.size(), duplicateTriggers);
    }

    private static boolean post(ApiClient client, Map<String, Object> event) {
        try {
            return client.post("/api/events", event).status() == 202;
        } catch (IllegalStateException instanceDown) {
            return false;
        }
    }

    /** An organization with a channel on its own routing key, posting through either instance. */
    private record Sender(int index, String routingKey, ApiClient viaA, ApiClient viaB) {
        static Sender create(ApiClient root, ServiceProcess a, ServiceProcess b, int index) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String email = "admin-" + suffix + "@two.test";
            ApiResponse org = root.post("/api/organizations",
                    Map.of("name", "Two " + suffix, "admin_email", email, "admin_password", "two-instances-" + suffix));
            assertThat(org.status()).as(org.body()).isEqualTo(201);
            ApiClient admin = new ApiClient(a.baseUrl());
            admin.login(email, "two-instances-" + suffix);
            String routingKey = UUID.randomUUID().toString().replace("-", "");
            assertThat(admin.post("/api/notifications/channels", Map.of("name", "PagerDuty " + index, "type", "pagerduty",
                    "config", Map.of("routing_key", routingKey))).status()).isEqualTo(201);
            String key = admin.post("/api/api-keys", Map.of("name", "engine")).json().get("key").asString();
            return new Sender(index, routingKey, new ApiClient(a.baseUrl()).withApiKey(key),
                    new ApiClient(b.baseUrl()).withApiKey(key));
        }
    }
}
