package app.ascend.notify.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Tenant;

/**
 * A notify_after window longer than the retention: the event it holds is kept until the window ends
 * and the trigger goes out with its data; held triggers already released are history and pruned like
 * finished deliveries. Time moves by hand; the release job runs every second, the sweep when called.
 */
@TestPropertySource(properties = {"ascend.retention.days=30", "ascend.retention.batch-size=2",
        "ascend.retention.initial-delay=1h", "ascend.maintenance.release-interval=1s"})
@Import(MutableClockConfig.class)
@DirtiesContext
class RetentionKeepsHeldTriggersIT extends ApiTest {
    private static final String WINDOWS = "/api/notifications/maintenance-windows";

    @Autowired
    RetentionJob retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void anEventHeldLongerThanTheRetentionIsKeptAndSentWhenItsWindowEnds() {
        Tenant tenant = newTenant();
        String org = tenant.organizationId();
        String routingKey = newRoutingKey();
        ApiResponse channel = tenant.admin().post("/api/notifications/channels",
                Map.of("name", "Held", "type", "pagerduty", "config", Map.of("routing_key", routingKey)));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        Instant start = clock.instant();
        window(tenant, "Migration", start.plus(Duration.ofDays(60)), "action.blocked");
        String shortWindow = window(tenant, "Reboot", start.plus(Duration.ofHours(1)), "anomaly.detected");
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String longHeld = "act_" + UUID.randomUUID();
        String released = "act_" + UUID.randomUUID();
        post(engine, "action.blocked", longHeld);
        post(engine, "anomaly.detected", released);

        tenant.admin().post(WINDOWS + "/" + shortWindow + "/end", Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PAGERDUTY.openIncident(routingKey, "ascend-" + released).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from deliveries where org_id = ? "
                + "and status in ('pending', 'in_flight')", org) == 0);

        clock.advance(Duration.ofDays(31));
        retention.sweep();

        assertThat(count("select count(*) from events where org_id = ? and action_id = ?", org, longHeld))
                .as("the event a window still holds").isEqualTo(1);
        assertThat(count("select count(*) from events where org_id = ? and action_id = ?", org, released))
                .as("the released one, sent and finished long ago").isZero();
        assertThat(count("select count(*) from suppressed_triggers where org_id = ? and released_at is not null", org))
                .as("released held triggers older than the retention").isZero();
        assertThat(count("select count(*) from suppressed_triggers where org_id = ? and released_at is null", org))
                .isEqualTo(1);

        clock.advance(Duration.ofDays(30));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PAGERDUTY.openIncident(routingKey, "ascend-" + longHeld).isPresent());
        assertThat(PAGERDUTY.eventsFor("ascend-" + longHeld)).hasSize(1);
    }

    /** A notify_after window from a minute ago until {@code endsAt}, muting one event type. */
    private String window(Tenant tenant, String name, Instant endsAt, String eventType) {
        ApiResponse created = tenant.admin().post(WINDOWS, Map.of("name", name,
                "starts_at", clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "ends_at", endsAt.truncatedTo(ChronoUnit.SECONDS).toString(), "notify_after", true,
                "events", List.of(eventType)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    private static void post(ApiClient engine, String type, String action) {
        ApiResponse posted = engine.post("/api/events", Map.of("type", type, "action_id", action));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }
}
