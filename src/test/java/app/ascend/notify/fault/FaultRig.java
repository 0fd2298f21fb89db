package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;

/**
 * What every fault test shares: the suite's short/long switch, the service's environment, and the
 * organization that posts (a channel whose routing rules spread the trigger types over five routing
 * keys, so a drain is not throttled by one key's 120 a minute, and an API key).
 */
final class FaultRig {
    /** {@code -Dascend.fault.long=true}: the full durations instead of the short CI variants. */
    static final boolean LONG = Boolean.getBoolean("ascend.fault.long");
    static final String ROOT_EMAIL = "root@fault.test";
    static final String ROOT_PASSWORD = "root-password-fault-suite";
    /** The service's default sends at once per instance ({@code ASCEND_DELIVERY_WORKERS}). */
    static final int WORKERS = 16;

    private FaultRig() {
    }

    /** The short variant's value in CI, the long one under {@code -Dascend.fault.long=true}. */
    static Duration pick(Duration shortVariant, Duration longVariant) {
        return LONG ? longVariant : shortVariant;
    }

    static Path logDir(String test) throws IOException {
        return Files.createDirectories(Path.of("target", "fault", test));
    }

    /**
     * The service's environment as deployed, against {@code databaseUrl} and the simulator: a shared
     * secret key (instances and restarts must read each other's sealed keys), a 10 s lease so a dead
     * instance's claims are taken over sooner than the default 30 s, and the default rate limit,
     * workers and retry schedule. The lease must outlast any send (the simulator answers these tests
     * within 1 s): a send outliving its lease is claimed and sent again while still in flight, and the
     * late answer of the first overwrites the outcome of the second (see docs/testing.md, Fault suite);
     * {@link SlowAndThrottlingPagerDutyOnPostgresIT}, whose sends take the full 10 s timeout, keeps the
     * default 30 s.
     */
    static Map<String, String> environment(String databaseUrl, String databaseUser, PagerDutySimulator pagerDuty)
            throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", databaseUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", databaseUser);
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("ASCEND_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        environment.put("ASCEND_ADMIN_EMAIL", ROOT_EMAIL);
        environment.put("ASCEND_ADMIN_PASSWORD", ROOT_PASSWORD);
        environment.put("ASCEND_PAGERDUTY_URL", pagerDuty.baseUrl());
        environment.put("ASCEND_DELIVERY_LEASE", "10s");
        environment.put("ASCEND_DATA_DIR", Files.createTempDirectory("ascend-fault").toString());
        return environment;
    }

    /**
     * The same environment on the embedded default, as a first-time user runs the service: no
     * {@code SPRING_DATASOURCE_*}, so the H2 file under {@code ASCEND_DATA_DIR} (application.properties'
     * URL, with its durability settings) holds everything, and restarts find it there.
     */
    static Map<String, String> embeddedEnvironment(PagerDutySimulator pagerDuty) throws IOException {
        Map<String, String> environment = environment("", "", pagerDuty);
        environment.remove("SPRING_DATASOURCE_URL");
        environment.remove("SPRING_DATASOURCE_USERNAME");
        environment.remove("SPRING_DATASOURCE_PASSWORD");
        return environment;
    }

    /**
     * The posting organization: the root's own, with one channel over five routing keys, an API key,
     * and the root signed in (to read the delivery log).
     */
    record Paging(List<String> routingKeys, String apiKey, ApiClient admin) {
        static Paging create(String baseUrl) {
            ApiClient root = new ApiClient(baseUrl);
            ApiResponse login = root.login(ROOT_EMAIL, ROOT_PASSWORD);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < LoadDriver.TRIGGER_TYPES.size(); i++) {
                keys.add(UUID.randomUUID().toString().replace("-", ""));
            }
            // The first trigger type goes to config.routing_key, each other one to its own key by a rule.
            List<Map<String, Object>> rules = new ArrayList<>();
            for (int i = 1; i < keys.size(); i++) {
                rules.add(Map.of("events", List.of(LoadDriver.TRIGGER_TYPES.get(i)), "routing_key", keys.get(i)));
            }
            Map<String, Object> channel = new HashMap<>(Map.of("name", "PagerDuty fault suite", "type", "pagerduty",
                    "config", Map.of("routing_key", keys.get(0)), "routing_rules", rules));
            ApiResponse created = root.post("/api/notifications/channels", channel);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ApiResponse key = root.post("/api/api-keys", Map.of("name", "fault-suite"));
            assertThat(key.status()).as(key.body()).isEqualTo(201);
            return new Paging(List.copyOf(keys), key.json().get("key").stringValue(), root);
        }
    }
}
