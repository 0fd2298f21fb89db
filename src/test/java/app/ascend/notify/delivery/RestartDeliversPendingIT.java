package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import app.ascend.notify.AscendNotifyApplication;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.TestDatabase;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The outbox is durable: the service is stopped while PagerDuty is down and 20 deliveries are being
 * retried, and started again on the same database once PagerDuty is back. Every delivery then reaches
 * PagerDuty, each exactly once.
 */
@ExtendWith(PostgresAvailableCondition.class)
class RestartDeliversPendingIT {
    private static final int EVENTS = 20;

    @TempDir
    Path dataDir;

    @Test
    void deliveriesPendingWhenTheServiceStopsAreAllDeliveredOnceAfterItStartsAgain() {
        try (PagerDutySimulator pagerDuty = PagerDutySimulator.builder().port(0).start()) {
            pagerDuty.setOutage(true);
            String database = TestDatabase.newDurableDatabaseUrl(dataDir);
            String routingKey = UUID.randomUUID().toString().replace("-", "");
            Tenant tenant;
            try (ConfigurableApplicationContext first = start(database, pagerDuty)) {
                ApiClient root = signedInRoot(first);
                tenant = newTenant(root);
                Pipeline org = Pipeline.of(tenant);
                org.createChannel(PipelineChannels.pagerDuty(routingKey));
                ArrayNode batch = Events.array();
                for (int i = 0; i < EVENTS; i++) {
                    batch.add(Events.trigger("action.blocked", Events.newActionId(), 50 + i));
                }
                org.postBatch(batch);

                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<JsonNode> pending = org.allDeliveries("status=pending");
                    assertThat(pending).hasSize(EVENTS);
                    assertThat(pending).allSatisfy(d -> assertThat(d.get("attempts")).isNotEmpty()
                            .allSatisfy(a -> assertThat(a.get("http_status").asInt()).isEqualTo(503)));
                });
                assertThat(pagerDuty.acceptedEvents()).isEmpty();
            }

            pagerDuty.setOutage(false);
            try (ConfigurableApplicationContext second = start(database, pagerDuty)) {
                ApiClient admin = new ApiClient(baseUrl(second));
                assertThat(admin.login(tenant.adminEmail(), tenant.adminPassword()).status()).isEqualTo(200);
                Pipeline org = new Pipeline(new Tenant(tenant.organizationId(), tenant.name(), tenant.adminEmail(),
                        tenant.adminPassword(), admin, null), null);

                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(org.allDeliveries("status=delivered")).hasSize(EVENTS));

                List<RecordedRequest> accepted = pagerDuty.acceptedEvents().stream()
                        .filter(r -> routingKey.equals(r.routingKey())).toList();
                Map<String, Long> perDedupKey = accepted.stream()
                        .collect(Collectors.groupingBy(RecordedRequest::dedupKey, Collectors.counting()));
                assertThat(perDedupKey).hasSize(EVENTS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
                assertThat(pagerDuty.incidents()).hasSize(EVENTS).allMatch(i -> i.triggerCount() == 1);
                assertThat(org.allDeliveries("")).hasSize(EVENTS)
                        .allSatisfy(d -> assertThat(d.get("status").stringValue()).isEqualTo("delivered"));
            }
        }
    }

    /** The service as deployed: its own port, the durable database, the same data dir (so the same secret key). */
    private ConfigurableApplicationContext start(String database, PagerDutySimulator pagerDuty) {
        return new SpringApplicationBuilder(AscendNotifyApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=",
                "--ascend.data-dir=" + dataDir,
                "--ascend.bootstrap.admin-email=" + ApiTest.ROOT_EMAIL,
                "--ascend.bootstrap.admin-password=" + ApiTest.ROOT_PASSWORD,
                "--ascend.pagerduty.url=" + pagerDuty.baseUrl(),
                "--ascend.public-url=https://pilot.owkai.app");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ApiClient signedInRoot(ConfigurableApplicationContext context) {
        ApiClient root = new ApiClient(baseUrl(context));
        assertThat(root.login(ApiTest.ROOT_EMAIL, ApiTest.ROOT_PASSWORD).status()).isEqualTo(200);
        return root;
    }

    private static Tenant newTenant(ApiClient root) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + suffix + "@example.test";
        String password = "admin-password-" + suffix;
        ApiResponse created = root.post("/api/organizations",
                Map.of("name", "Org " + suffix, "admin_email", email, "admin_password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient admin = new ApiClient(root.baseUrl());
        assertThat(admin.login(email, password).status()).isEqualTo(200);
        return new Tenant(created.json().get("id").stringValue(), created.json().get("name").stringValue(), email,
                password, admin, null);
    }
}
