package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.event.EventType;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * {@code /actuator/prometheus}: every series there at zero after start, and moving with real traffic.
 * Its own context (a rate limit of 2 per minute per key, so a wait is easy to provoke), so the first
 * test sees the counters as the start left them.
 */
@TestPropertySource(properties = "ascend.pagerduty.rate-limit=2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT extends ApiTest {

    @Test
    @Order(1)
    void everySeriesIsThereAtZeroAfterStartWithoutSigningIn() {
        ApiResponse scrape = anonymous().get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        String body = scrape.body();
        for (EventType type : EventType.values()) {
            assertThat(value(body, "ascend_events_received_total{type=\"" + type.wireName() + "\"}")).isZero();
        }
        for (String outcome : List.of("delivered", "failed", "dead", "retried")) {
            assertThat(value(body, "ascend_deliveries_total{channel_type=\"pagerduty\",outcome=\"" + outcome + "\"}")).isZero();
        }
        for (String status : List.of("202", "400", "429", "500", "503", "error")) {
            assertThat(value(body, "ascend_pagerduty_responses_total{status=\"" + status + "\"}")).isZero();
        }
        for (String reason : List.of("filtered", "not_subscribed", "disabled", "maintenance", "nothing_to_resolve")) {
            assertThat(value(body, "ascend_suppressed_total{reason=\"" + reason + "\"}")).isZero();
        }
        assertThat(value(body, "ascend_delivery_latency_seconds_count")).isZero();
        assertThat(value(body, "ascend_delivery_latency_seconds_bucket{le=\"+Inf\"}")).isZero();
        assertThat(value(body, "ascend_queue_depth")).isZero();
        assertThat(value(body, "ascend_queue_oldest_age_seconds")).isZero();
        assertThat(value(body, "ascend_rate_limit_waits_total")).isZero();
        assertThat(body).doesNotContain("organization", "org_");
    }

    @Test
    @Order(2)
    void aDeliveredEventMovesReceivedDeliveredResponsesAndLatency() {
        String before = scrape();
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        channel(tenant, routingKey, List.of("action.blocked"));
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String action = "act_" + UUID.randomUUID();

        assertThat(engine.post("/api/events", Map.of("type", "action.blocked", "action_id", action, "risk_score", 90))
                .status()).isEqualTo(202);
        engine.post("/api/events", Map.of("type", "policy.violation", "action_id", "act_other"));
        engine.post("/api/events", Map.of("type", "action.resolved", "action_id", "act_never_triggered"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "ascend_deliveries_total{channel_type=\"pagerduty\",outcome=\"delivered\"}"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "ascend_pagerduty_responses_total{status=\"202\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ascend_delivery_latency_seconds_count")).isEqualTo(1);
            assertThat(value(after, "ascend_delivery_latency_seconds_sum")).isPositive();
        });
        String after = scrape();
        assertThat(delta(before, after, "ascend_events_received_total{type=\"action.blocked\"}")).isEqualTo(1);
        assertThat(delta(before, after, "ascend_events_received_total{type=\"policy.violation\"}")).isEqualTo(1);
        assertThat(delta(before, after, "ascend_events_received_total{type=\"action.resolved\"}")).isEqualTo(1);
        assertThat(delta(before, after, "ascend_suppressed_total{reason=\"not_subscribed\"}")).isEqualTo(1);
        assertThat(delta(before, after, "ascend_suppressed_total{reason=\"nothing_to_resolve\"}")).isEqualTo(1);
        assertThat(PAGERDUTY.eventsFor("ascend-" + action)).hasSize(1);
    }

    @Test
    @Order(3)
    void aFailedAttemptCountsItsStatusAndARetry() {
        String before = scrape();
        Tenant tenant = newTenant();
        channel(tenant, newRoutingKey(), List.of("action.blocked"));
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String action = "act_" + UUID.randomUUID();

        PAGERDUTY.failNext(1, 503);
        try {
            engine.post("/api/events", Map.of("type", "action.blocked", "action_id", action));
            await().atMost(Duration.ofSeconds(30)).until(() -> !PAGERDUTY.eventsFor("ascend-" + action).isEmpty());
        } finally {
            PAGERDUTY.clearFaults();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "ascend_pagerduty_responses_total{status=\"503\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ascend_deliveries_total{channel_type=\"pagerduty\",outcome=\"retried\"}"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "ascend_deliveries_total{channel_type=\"pagerduty\",outcome=\"delivered\"}"))
                    .isEqualTo(1);
        });
    }

    @Test
    @Order(4)
    void aSpentRateBudgetCountsAWaitAndLeavesTheDeliveryInTheQueue() {
        String before = scrape();
        Tenant tenant = newTenant();
        channel(tenant, newRoutingKey(), List.of("action.blocked"));
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());

        // Two per minute: the third trigger for the key waits for the budget.
        engine.post("/api/events", List.of(Map.of("type", "action.blocked", "action_id", "act_" + UUID.randomUUID()),
                Map.of("type", "action.blocked", "action_id", "act_" + UUID.randomUUID()),
                Map.of("type", "action.blocked", "action_id", "act_" + UUID.randomUUID())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "ascend_rate_limit_waits_total")).isGreaterThanOrEqualTo(1);
            assertThat(value(after, "ascend_queue_depth")).isGreaterThanOrEqualTo(1);
            assertThat(value(after, "ascend_queue_oldest_age_seconds")).isPositive();
        });
    }

    private void channel(Tenant tenant, String routingKey, List<String> events) {
        ApiResponse created = tenant.admin().post("/api/notifications/channels", Map.of("name", "Metrics",
                "type", "pagerduty", "config", Map.of("routing_key", routingKey), "events", events));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private String scrape() {
        ApiResponse scrape = anonymous().get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** The value of one series line, e.g. {@code ascend_queue_depth} or {@code name{label="v"}}. */
    static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError(series + " is not in the scrape"));
    }
}
