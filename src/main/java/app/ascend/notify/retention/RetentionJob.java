package app.ascend.notify.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.delivery.RateBudget;
import app.ascend.notify.identity.LoginThrottleProperties;
import app.ascend.notify.retention.BatchDeleter.Delete;

/**
 * Keeps the database bounded: every {@code interval}, deletes what is older than {@code days} (events
 * with their decisions, finished deliveries with their attempts, resolved incidents, released held
 * triggers) and what has expired whatever the retention (sign-in failures and locks, rate-limit
 * slots). Never an open or acknowledged incident, a pending or in-flight delivery, an event one of
 * those or an unreleased held trigger still belongs to, or the audit log. Every instance runs it; the deletes are idempotent and skip rows another holds.
 */
@Component
public class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String FINAL = "('delivered', 'failed', 'dead')";
    private final BatchDeleter deleter;
    private final RetentionProperties properties;
    private final LoginThrottleProperties login;
    private final Clock clock;

    RetentionJob(BatchDeleter deleter, RetentionProperties properties, LoginThrottleProperties login, Clock clock) {
        this.deleter = deleter;
        this.properties = properties;
        this.login = login;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ascend.retention.initial-delay}", fixedDelayString = "${ascend.retention.interval}")
    void onSchedule() {
        try {
            long started = System.nanoTime();
            RetentionReport report = sweep();
            if (report.total() > 0) {
                log.info("retention: deleted {} events, {} deliveries, {} attempts, {} resolved incidents, "
                                + "{} sign-in failures, {} sign-in locks, {} rate slots, {} released held triggers, {} received "
                                + "webhooks in {} ms",
                        report.events(), report.deliveries(), report.deliveryAttempts(), report.incidents(),
                        report.loginFailures(), report.loginLocks(), report.rateSends(), report.suppressedTriggers(),
                        report.inboundWebhooks(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("retention sweep failed; trying again in {}: {}", properties.interval(), e.toString());
        }
    }

    /** One sweep, now (by the injected clock). */
    public RetentionReport sweep() {
        Instant now = clock.instant();
        int[] deliveries = {0, 0};
        int events = 0;
        int incidents = 0;
        int suppressedTriggers = 0;
        int inboundWebhooks = 0;
        if (!properties.keepsForever()) {
            Object cutoff = SqlTime.of(now.minus(Duration.ofDays(properties.days())));
            // Attempts first, in the same transaction as their delivery: no attempt outlives it.
            deliveries = deleter.drain(properties.batchSize(),
                    "select id from deliveries where created_at < ? and status in " + FINAL, List.of(cutoff),
                    new Delete("delete from delivery_attempts where delivery_id in (%s)"),
                    new Delete("delete from deliveries where id in (%s)"));
            // An old event whose delivery is still queued (re-queued by hand) stays until that one finishes;
            // one a notify_after window still holds stays until it is released (a window may outlast the
            // retention, and the release sends the held event's data).
            events = deleter.drain(properties.batchSize(), "select e.id from events e where e.received_at < ? "
                            + "and not exists (select 1 from deliveries d where d.event_id = e.id) "
                            + "and not exists (select 1 from suppressed_triggers s where s.event_id = e.id "
                            + "and s.released_at is null)", List.of(cutoff),
                    new Delete("delete from events where id in (%s)"))[0];
            // Held triggers once released: the release outcome is history like a finished delivery.
            suppressedTriggers = deleter.drain(properties.batchSize(),
                    "select id from suppressed_triggers where released_at < ?", List.of(cutoff),
                    new Delete("delete from suppressed_triggers where id in (%s)"))[0];
            // open_key is null exactly when resolved; an open incident is kept however old.
            incidents = deleter.drain(properties.batchSize(),
                    "select id from incidents where open_key is null and resolved_at < ?", List.of(cutoff),
                    new Delete("delete from incidents where id in (%s)"))[0];
            // Received webhooks are history like events. A replay of a deleted one is refused as stale (49 h) or,
            // within that window, cannot roll its incident back (changes are ordered by the sender's time).
            inboundWebhooks = deleter.drain(properties.batchSize(),
                    "select id from inbound_webhooks where received_at < ?", List.of(cutoff),
                    new Delete("delete from inbound_webhooks where id in (%s)"))[0];
        }
        int loginFailures = deleter.drain(properties.batchSize(), "select id from login_failures where at < ?",
                List.of(SqlTime.of(now.minus(login.window()))), new Delete("delete from login_failures where id in (%s)"))[0];
        int loginLocks = deleter.drain(properties.batchSize(), "select subject from login_locks where locked_until < ?",
                List.of(SqlTime.of(now)), new Delete("delete from login_locks where subject in (%s)"))[0];
        // Picks the keys' rate_keys rows, the lock RateBudget takes before touching a key's slots.
        Object slotsBefore = SqlTime.of(now.minus(RateBudget.KEPT_FOR));
        int rateSends = deleter.drain(properties.batchSize(), "select k.key_hash from rate_keys k where exists "
                        + "(select 1 from rate_sends s where s.key_hash = k.key_hash and s.sent_at <= ?)", List.of(slotsBefore),
                new Delete("delete from rate_sends where key_hash in (%s) and sent_at <= ?", slotsBefore))[0];
        return new RetentionReport(events, deliveries[1], deliveries[0], incidents, loginFailures, loginLocks, rateSends,
                suppressedTriggers, inboundWebhooks);
    }
}
