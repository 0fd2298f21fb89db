package app.ascend.notify.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * The retention sweep deletes what is older than 30 days and keeps what is recent, open or still queued.
 * Time moves by a clock the test holds; the sweep is called directly (the schedule is pushed out of the
 * way), in batches of 2 so the batching runs several rounds.
 */
@TestPropertySource(properties = {"ascend.retention.days=30", "ascend.retention.batch-size=2",
        "ascend.retention.initial-delay=1h"})
@DirtiesContext
class RetentionIT extends ApiTest {
    @Autowired
    RetentionJob retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void deletesWhatIsOldAndKeepsWhatIsRecentOpenOrQueued() {
        Tenant old = newTenant();
        String oldKey = newRoutingKey();
        channel(old, oldKey);
        ApiClient engine = anonymous().withApiKey(old.newApiKey());
        String resolvedAction = "act_" + UUID.randomUUID();
        String openAction = "act_" + UUID.randomUUID();
        String queuedAction = "act_" + UUID.randomUUID();
        post(engine, "action.blocked", resolvedAction);
        awaitSent("ascend-" + resolvedAction, 1);
        post(engine, "action.resolved", resolvedAction);
        awaitSent("ascend-" + resolvedAction, 2);
        post(engine, "action.blocked", openAction);
        awaitSent("ascend-" + openAction, 1);
        post(engine, "action.blocked", queuedAction);
        awaitSent("ascend-" + queuedAction, 1);
        // As if its retries were still running: pending, next try long after the test.
        jdbc.sql("update deliveries set status = 'pending', next_attempt_at = ? where dedup_key = ?")
                .params(SqlTime.of(clock.instant().plus(Duration.ofDays(400))), "ascend-" + queuedAction).update();
        anonymous().login("nobody-" + UUID.randomUUID() + "@example.test", "wrong-password");
        Instant start = clock.instant();
        jdbc.sql("insert into login_locks (subject, locked_until) values (?, ?), (?, ?)")
                .params("account:expired@example.test", SqlTime.of(start.plus(Duration.ofMinutes(15))),
                        "account:still-locked@example.test", SqlTime.of(start.plus(Duration.ofDays(40))))
                .update();
        long auditBefore = count("select count(*) from audit_log where org_id = ?", old.organizationId());
        assertThat(count("select count(*) from rate_sends")).isPositive();
        assertThat(count("select count(*) from login_failures")).isPositive();

        clock.advance(Duration.ofDays(31));
        Tenant recent = newTenant();
        channel(recent, newRoutingKey());
        String recentAction = "act_" + UUID.randomUUID();
        post(anonymous().withApiKey(recent.newApiKey()), "action.blocked", recentAction);
        awaitSent("ascend-" + recentAction, 1);
        awaitNoDeliveryInFlight();

        RetentionReport report = retention.sweep();

        String org = old.organizationId();
        // Old and finished: gone, attempts with their deliveries.
        assertThat(count("select count(*) from events where org_id = ? and action_id in (?, ?)", org, resolvedAction,
                openAction)).isZero();
        assertThat(count("select count(*) from deliveries where org_id = ? and dedup_key in (?, ?)", org,
                "ascend-" + resolvedAction, "ascend-" + openAction)).isZero();
        assertThat(count("select count(*) from delivery_attempts a where not exists "
                + "(select 1 from deliveries d where d.id = a.delivery_id)")).isZero();
        assertThat(count("select count(*) from incidents where org_id = ? and dedup_key = ?", org,
                "ascend-" + resolvedAction)).isZero();
        // Open incident, queued delivery and its event: kept, however old.
        assertThat(count("select count(*) from incidents where org_id = ? and dedup_key = ? and status = 'open'", org,
                "ascend-" + openAction)).isEqualTo(1);
        assertThat(count("select count(*) from deliveries where org_id = ? and dedup_key = ? and status = 'pending'", org,
                "ascend-" + queuedAction)).isEqualTo(1);
        assertThat(count("select count(*) from events where org_id = ? and action_id = ?", org, queuedAction)).isEqualTo(1);
        // Recent: kept.
        assertThat(count("select count(*) from events where org_id = ?", recent.organizationId())).isEqualTo(1);
        assertThat(count("select count(*) from deliveries d join delivery_attempts a on a.delivery_id = d.id "
                + "where d.org_id = ?", recent.organizationId())).isEqualTo(1);
        // Expired throttling rows: gone; the audit trail: untouched.
        assertThat(count("select count(*) from login_failures where at < ?", SqlTime.of(clock.instant().minus(Duration.ofMinutes(15)))))
                .isZero();
        assertThat(count("select count(*) from rate_sends where sent_at <= ?", SqlTime.of(clock.instant().minusSeconds(60))))
                .isZero();
        assertThat(count("select count(*) from login_locks")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where org_id = ?", org)).isEqualTo(auditBefore);
        // Three old events (trigger and resolve of one action, the open one's trigger); their three deliveries.
        assertThat(report).isEqualTo(new RetentionReport(3, 3, 3, 1, report.loginFailures(), 1, report.rateSends(), 0, 0));
        assertThat(report.loginFailures()).isPositive();
        assertThat(report.rateSends()).isPositive();
    }

    private void awaitNoDeliveryInFlight() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from deliveries where status = 'in_flight'") == 0);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    private static void post(ApiClient engine, String type, String action) {
        ApiResponse posted = engine.post("/api/events", Map.of("type", type, "action_id", action));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    private static void awaitSent(String dedupKey, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> PAGERDUTY.eventsFor(dedupKey).size() >= events);
    }

    private static void channel(Tenant tenant, String routingKey) {
        ApiResponse created = tenant.admin().post("/api/notifications/channels",
                Map.of("name", "Retention", "type", "pagerduty", "config", Map.of("routing_key", routingKey)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
