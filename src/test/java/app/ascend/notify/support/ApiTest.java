package app.ascend.notify.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.simulator.PagerDutySimulator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests: the whole service on a random port, over real HTTP, on a fresh H2 or
 * PostgreSQL database (see {@link TestDatabase}). The context is shared by every test class that does
 * not change its properties, so each test makes its own organization ({@link #newTenant()}) and sees
 * nothing of the others'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The product page's host, so links look like the page's; a subclass may set its own.
@TestPropertySource(properties = "ASCEND_PUBLIC_URL=https://pilot.owkai.app")
@ExtendWith(PostgresAvailableCondition.class)
public abstract class ApiTest {
    public static final String ROOT_EMAIL = "root@ascend.test";
    public static final String ROOT_PASSWORD = "root-password-for-tests";

    /**
     * The PagerDuty peer of every test: a stateful Events API v2 simulator, one per JVM. Tests keep
     * apart by using their own routing keys ({@link #newRoutingKey()}).
     */
    protected static final PagerDutySimulator PAGERDUTY = PagerDutySimulator.builder().port(0).start();

    /**
     * Register this (in the class's own {@code @DynamicPropertySource}) to point the service at a
     * simulator of the test class's own, e.g. one in an outage, so that the shared one stays healthy.
     * Such a class gets its own context; mark it {@code @DirtiesContext}.
     */
    public static final String OWN_PAGERDUTY_URL = "ascend.test.pagerduty-url";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("ascend-it-");
        String url = TestDatabase.newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("ascend.data-dir", dataDir::toString);
        registry.add("ascend.bootstrap.admin-email", () -> ROOT_EMAIL);
        registry.add("ascend.bootstrap.admin-password", () -> ROOT_PASSWORD);
        // A class with a PagerDuty of its own registers OWN_PAGERDUTY_URL. It cannot simply register
        // ascend.pagerduty.url again: a superclass's @DynamicPropertySource methods run after a
        // subclass's, so this line would win.
        registry.add("ascend.pagerduty.url", () -> "${" + OWN_PAGERDUTY_URL + ":" + PAGERDUTY.baseUrl() + "}");
        // PagerDuty's REST API (reconciliation) is the simulator's stand-in too: no test reaches api.pagerduty.com.
        registry.add("ascend.pagerduty.rest-url", () -> "${" + OWN_PAGERDUTY_URL + ":" + PAGERDUTY.baseUrl() + "}");
        // Slack's Web API is the simulator's stand-in: no test reaches slack.com.
        registry.add("ascend.slack.api-url", () -> PAGERDUTY.baseUrl() + "/slack/api");
    }

    /** A fresh, valid PagerDuty routing key: 32 letters and digits. */
    protected static String newRoutingKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A client with no session. */
    protected ApiClient anonymous() {
        return new ApiClient(baseUrl());
    }

    /** The bootstrap system administrator, signed in. */
    protected ApiClient root() {
        ApiClient client = anonymous();
        ApiResponse login = client.login(ROOT_EMAIL, ROOT_PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("root sign-in failed: " + login);
        }
        return client;
    }

    /** A new organization with its admin signed in. */
    protected Tenant newTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + suffix + "@example.test";
        String password = "admin-password-" + suffix;
        ApiResponse created = root().post("/api/organizations",
                Map.of("name", "Org " + suffix, "admin_email", email, "admin_password", password));
        if (created.status() != 201) {
            throw new IllegalStateException("creating an organization failed: " + created);
        }
        ApiClient admin = anonymous();
        admin.login(email, password);
        return new Tenant(created.json().get("id").stringValue(), created.json().get("name").stringValue(), email,
                password, admin, this);
    }

    /** A new organization with an API key to post events and its admin signed in. */
    protected Pipeline newPipeline() {
        return Pipeline.of(newTenant());
    }

    /** What {@link #PAGERDUTY} received for one routing key. */
    protected static PagerDutyInbox inbox(String routingKey) {
        return new PagerDutyInbox(PAGERDUTY, routingKey);
    }

    /** Waits on state (the simulator, the delivery log), polling; never sleeps a fixed time. */
    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
