package app.ascend.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.channel.SecretBox;
import app.ascend.notify.db.SqlTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table: deliveries written with their event, claimed by one instance at a time with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, in order within their sequence (channel, routing key,
 * dedup key): a delivery is claimable only when no earlier one of its sequence is still pending or in
 * flight, so a resolve never overtakes its trigger, even while the trigger is being retried.
 */
@Repository
public class Outbox {
    /*
     * Two index range scans (deliveries_due: status, next_attempt_at) rather than one query with an OR:
     * with the OR, H2 scans every delivery ever made on each claim, which grows with the history.
     */
    private static final String CLAIMABLE_PENDING = """
            select d.id, d.priority from deliveries d
             where d.status = 'pending' and d.next_attempt_at <= ?
               and not exists (select 1 from deliveries e where e.sequence_key = d.sequence_key and e.id < d.id
                                and e.status in ('pending', 'in_flight'))
             order by d.priority, d.id
             limit ?
             for update skip locked""";
    private static final String CLAIMABLE_EXPIRED = """
            select d.id, d.priority from deliveries d
             where d.status = 'in_flight' and d.claimed_until < ?
               and not exists (select 1 from deliveries e where e.sequence_key = d.sequence_key and e.id < d.id
                                and e.status in ('pending', 'in_flight'))
             order by d.priority, d.id
             limit ?
             for update skip locked""";

    private record Claimable(String id, int priority) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final SecretBox secrets;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretBox secrets, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.secrets = secrets;
        this.json = json;
    }

    public void insert(NewDelivery d) {
        insert(d, DeliveryStatus.PENDING);
    }

    public void insert(NewDelivery d, DeliveryStatus status) {
        jdbc.sql("insert into deliveries (id, org_id, event_id, channel_id, channel_type, kind, sequence_key, dedup_key, "
                + "destination_sealed, destination_masked, priority, payload, status, created_at, retry_from, next_attempt_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.organizationId(), d.eventId(), d.channelId(), d.channelType(), d.kind().wireName(),
                        d.sequenceKey(), d.dedupKey(), secrets.sealRepeated(d.destination()), d.destinationMasked(), d.priority(),
                        json.writeValueAsString(d.payload()), status.wireName(), SqlTime.of(d.createdAt()),
                        SqlTime.of(d.createdAt()), SqlTime.of(d.createdAt()))
                .update();
    }

    /** {@link #insert} for many pending deliveries, in one JDBC batch. */
    public void insertAll(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("insert into deliveries (id, org_id, event_id, channel_id, channel_type, kind, sequence_key, "
                + "dedup_key, destination_sealed, destination_masked, priority, payload, status, created_at, retry_from, "
                + "next_attempt_at, merged_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deliveries.stream().map(d -> new Object[] { d.id(), d.organizationId(), d.eventId(), d.channelId(),
                        d.channelType(), d.kind().wireName(), d.sequenceKey(), d.dedupKey(),
                        secrets.sealRepeated(d.destination()), d.destinationMasked(), d.priority(),
                        json.writeValueAsString(d.payload()), DeliveryStatus.PENDING.wireName(), SqlTime.of(d.createdAt()),
                        SqlTime.of(d.createdAt()), SqlTime.of(d.createdAt()), d.mergedCount() }).toList());
    }

    /**
     * The trigger still waiting (pending, never attempted) at the end of each of these sequences, by
     * sequence key; sequences whose last delivery is anything else are absent.
     */
    public Map<String, String> waitingTriggers(Collection<String> sequenceKeys) {
        Map<String, String> waiting = new HashMap<>();
        List<String> keys = List.copyOf(sequenceKeys);
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("select d.sequence_key, d.id from deliveries d where d.sequence_key in (" + in + ") "
                            + "and d.kind = 'trigger' and d.status = 'pending' and d.attempts = 0 "
                            + "and d.id = (select max(e.id) from deliveries e where e.sequence_key = d.sequence_key)")
                    .params(chunk).query(rs -> {
                        waiting.put(rs.getString(1), rs.getString(2));
                    });
        }
        return waiting;
    }

    /** Later triggers folded into a waiting one: its payload becomes the newest, its priority the most urgent. */
    public record Merge(String deliveryId, JsonNode payload, int priority, int count) {
    }

    /** Applies the merges in one JDBC batch; false for a delivery claimed meanwhile (it needs a new delivery). */
    public boolean[] mergeAll(List<Merge> merges) {
        boolean[] merged = new boolean[merges.size()];
        if (merges.isEmpty()) {
            return merged;
        }
        int[] counts = jdbcTemplate.batchUpdate("update deliveries set payload = ?, priority = least(priority, ?), "
                + "merged_count = merged_count + ? where id = ? and status = 'pending' and attempts = 0",
                merges.stream().map(m -> new Object[] { json.writeValueAsString(m.payload()), m.priority(), m.count(),
                        m.deliveryId() }).toList());
        for (int i = 0; i < counts.length; i++) {
            merged[i] = counts[i] > 0;
        }
        return merged;
    }

    /**
     * Folds a trigger into the last delivery of its sequence when that is a trigger still waiting
     * (not yet claimed): PagerDuty would only append it to the same alert, and it would spend the
     * key's rate budget. The waiting delivery takes the newer event's payload. Empty when there is
     * nothing to merge into.
     */
    public Optional<String> mergeIntoWaitingTrigger(String sequenceKey, JsonNode payload, int priority) {
        Optional<String> last = jdbc.sql("select id from deliveries where sequence_key = ? and kind = 'trigger' "
                        + "and status = 'pending' and attempts = 0 and id = (select max(id) from deliveries where sequence_key = ?)")
                .params(sequenceKey, sequenceKey).query(String.class).optional();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        int merged = jdbc.sql("update deliveries set payload = ?, priority = least(priority, ?), merged_count = merged_count + 1 "
                        + "where id = ? and status = 'pending' and attempts = 0")
                .params(json.writeValueAsString(payload), priority, last.get()).update();
        return merged == 1 ? last : Optional.empty();
    }

    /** Claims up to {@code limit} deliveries for {@code instance} until {@code now + lease}. Call in a transaction. */
    public List<ClaimedDelivery> claim(String instance, Instant now, Duration lease, int limit) {
        List<Claimable> candidates = new ArrayList<>(jdbc.sql(CLAIMABLE_EXPIRED).params(SqlTime.of(now), limit)
                .query((rs, row) -> new Claimable(rs.getString(1), rs.getInt(2))).list());
        candidates.addAll(jdbc.sql(CLAIMABLE_PENDING).params(SqlTime.of(now), limit)
                .query((rs, row) -> new Claimable(rs.getString(1), rs.getInt(2))).list());
        List<String> ids = candidates.stream()
                .sorted(java.util.Comparator.comparingInt(Claimable::priority).thenComparing(Claimable::id))
                .limit(limit).map(Claimable::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(instance, SqlTime.of(now.plus(lease))));
        params.addAll(ids);
        jdbc.sql("update deliveries set status = 'in_flight', claimed_by = ?, claimed_until = ? where id in (" + in + ")")
                .params(params).update();
        return jdbc.sql("select * from deliveries where id in (" + in + ") order by priority, id").params(ids)
                .query(this::claimed).list();
    }

    /** Back to pending without an attempt: the destination's rate budget is spent until {@code at}. */
    public void waitForBudget(String id, Instant at) {
        jdbc.sql("update deliveries set status = 'pending', next_attempt_at = ?, claimed_by = null, claimed_until = null "
                + "where id = ?").params(SqlTime.of(at), id).update();
    }

    /** Releases claims not yet sent (graceful stop), so another instance need not wait for the lease. */
    public void release(List<String> ids) {
        for (String id : ids) {
            jdbc.sql("update deliveries set status = 'pending', claimed_by = null, claimed_until = null "
                    + "where id = ? and status = 'in_flight'").param(id).update();
        }
    }

    /** Records the outcome of an attempt: the new status, when to try again, and PagerDuty's answer. */
    public void finishAttempt(String id, DeliveryStatus status, Instant nextAttemptAt, Instant finishedAt, Integer httpStatus,
            String message) {
        jdbc.sql("update deliveries set status = ?, attempts = attempts + 1, next_attempt_at = coalesce(?, next_attempt_at), "
                        + "finished_at = ?, last_status = ?, last_message = ?, claimed_by = null, claimed_until = null where id = ?")
                .params(status.wireName(), SqlTime.of(nextAttemptAt), SqlTime.of(finishedAt), httpStatus,
                        truncate(message, 4000), id)
                .update();
    }

    public void insertAttempt(String id, String deliveryId, Instant at, Integer httpStatus, String outcome, String message,
            List<String> errors, long latencyMillis) {
        jdbc.sql("insert into delivery_attempts (id, delivery_id, attempted_at, http_status, outcome, message, errors, latency_ms) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, deliveryId, SqlTime.of(at), httpStatus, outcome, truncate(message, 4000),
                        truncate(json.writeValueAsString(errors == null ? List.of() : errors), 8000), latencyMillis)
                .update();
    }

    /** An attempt row to insert. */
    public record Attempt(String id, String deliveryId, Instant at, Integer httpStatus, String outcome, String message,
            List<String> errors, long latencyMillis) {
    }

    /** A delivery's state after an attempt. */
    public record Finish(String id, DeliveryStatus status, Instant nextAttemptAt, Instant finishedAt, Integer httpStatus,
            String message) {
    }

    /** {@link #insertAttempt} for many, in one JDBC batch. */
    public void insertAttempts(List<Attempt> attempts) {
        jdbcTemplate.batchUpdate("insert into delivery_attempts (id, delivery_id, attempted_at, http_status, outcome, message, "
                + "errors, latency_ms) values (?, ?, ?, ?, ?, ?, ?, ?)", attempts.stream().map(a -> new Object[] { a.id(),
                        a.deliveryId(), SqlTime.of(a.at()), a.httpStatus(), a.outcome(), truncate(a.message(), 4000),
                        truncate(json.writeValueAsString(a.errors() == null ? List.of() : a.errors()), 8000),
                        a.latencyMillis() }).toList());
    }

    /** {@link #finishAttempt} for many, in one JDBC batch. */
    public void finishAttempts(List<Finish> finishes) {
        jdbcTemplate.batchUpdate("update deliveries set status = ?, attempts = attempts + 1, "
                + "next_attempt_at = coalesce(?, next_attempt_at), finished_at = ?, last_status = ?, last_message = ?, "
                + "claimed_by = null, claimed_until = null where id = ?", finishes.stream().map(f -> new Object[] {
                        f.status().wireName(), SqlTime.of(f.nextAttemptAt()), SqlTime.of(f.finishedAt()), f.httpStatus(),
                        truncate(f.message(), 4000), f.id() }).toList());
    }

    /** A failed or dead delivery queued again by hand; its maximum age counts from now. */
    public boolean requeue(String organizationId, String id, Instant now) {
        return jdbc.sql("update deliveries set status = 'pending', next_attempt_at = ?, retry_from = ?, finished_at = null "
                        + "where org_id = ? and id = ? and status in ('failed', 'dead')")
                .params(SqlTime.of(now), SqlTime.of(now), organizationId, id).update() > 0;
    }

    private ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedDelivery(rs.getString("id"), rs.getString("org_id"), rs.getString("event_id"),
                rs.getString("channel_id"), rs.getString("channel_type"), rs.getString("kind"),
                secrets.openRepeated(rs.getString("destination_sealed")), rs.getString("destination_masked"),
                json.readTree(rs.getString("payload")), rs.getInt("attempts"), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "retry_from"));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
