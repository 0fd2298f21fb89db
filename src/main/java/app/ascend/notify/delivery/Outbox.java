package app.ascend.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.db.InList;
import app.ascend.notify.db.AfterCommit;
import app.ascend.notify.db.DatabaseProduct;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.secret.SecretBox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table: deliveries written with their event, claimed by one instance at a time with a
 * conditional update (it re-checks the state, so only one instance wins) and a lease, in order within
 * their sequence (destination and dedup key, whichever channel sends it: for a paging service, one alert): a delivery is claimable only when no earlier one of its sequence is still pending or in
 * flight, so a resolve never overtakes its trigger, even while the trigger is being retried. "Earlier"
 * is {@code seq_position}, which the database assigns at insert (V6__sequence_positions.sql), never the
 * id, whose time is the inserting JVM's wall clock.
 */
@Repository
public class Outbox {
    /*
     * Candidates are read without locks, walking deliveries_claim (status, priority, id) in claim order
     * and stopping at the limit; "status" leads the ORDER BY so H2 sees the index order. (With FOR UPDATE,
     * or sorting by priority and id alone, H2 read every pending delivery of a backlog on each claim:
     * 10,000 waiting drained at a few a second.) The claim itself is a conditional update per candidate
     * that re-checks the state, so two instances racing for one delivery cannot both take it.
     */
    /*
     * The next due deliveries in claim order, a window of a few times the batch, then those of them that
     * head their sequence. Filtering only the window keeps a claim's cost independent of the backlog: the
     * same filter over every pending delivery made PostgreSQL hash the whole backlog on each claim. The
     * check is a scalar subquery (one index probe per row of the window) rather than NOT EXISTS, which
     * PostgreSQL turns into that hash join.
     */
    private static final String CLAIMABLE_PENDING = """
            select d.id, d.priority from (
                select id, priority, sequence_key, seq_position from deliveries
                 where status = 'pending' and next_attempt_at <= ?
                 order by status, priority, id
                 limit ?) d
             where (select e.id from deliveries e where e.sequence_key = d.sequence_key and e.seq_position < d.seq_position
                     and e.status in ('pending', 'in_flight') limit 1) is null
             order by d.priority, d.id""";
    /* The same over every due delivery, for when a whole window waits behind earlier deliveries. */
    private static final String CLAIMABLE_PENDING_ALL = """
            select d.id, d.priority from deliveries d
             where d.status = 'pending' and d.next_attempt_at <= ?
               and not exists (select 1 from deliveries e where e.sequence_key = d.sequence_key
                                and e.seq_position < d.seq_position
                                and e.status in ('pending', 'in_flight'))
             order by d.status, d.priority, d.id
             limit ?""";
    private static final String CLAIMABLE_EXPIRED = """
            select d.id, d.priority from deliveries d
             where d.status = 'in_flight' and d.claimed_until < ?
               and not exists (select 1 from deliveries e where e.sequence_key = d.sequence_key
                                and e.seq_position < d.seq_position
                                and e.status in ('pending', 'in_flight'))
             order by d.status, d.priority, d.id
             limit ?""";
    private static final String CLAIM = """
            update deliveries set status = 'in_flight', claimed_by = ?, claimed_until = ?
             where id = ? and ((status = 'pending' and next_attempt_at <= ?) or (status = 'in_flight' and claimed_until < ?))""";

    private record Claimable(String id, int priority) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final DeliveryHandoff handoff;
    private final DatabaseProduct database;

    public Outbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretBox secrets, JsonMapper json, DeliveryHandoff handoff,
            DatabaseProduct database) {
        this.database = database;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.secrets = secrets;
        this.json = json;
        this.handoff = handoff;
    }

    /** Queues one delivery, as {@link #insertAll} does. */
    public void insert(NewDelivery d) {
        insertAll(List.of(d));
    }

    public void insert(NewDelivery d, DeliveryStatus status) {
        jdbc.sql("insert into deliveries (id, org_id, event_id, channel_id, channel_type, kind, sequence_key, dedup_key, "
                + "destination_sealed, destination_masked, priority, payload, status, created_at, retry_from, next_attempt_at, "
                + "rate_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.organizationId(), d.eventId(), d.channelId(), d.channelType(), d.kind().wireName(),
                        d.sequenceKey(), d.dedupKey(), secrets.sealRepeated(d.destination()), d.destinationMasked(), d.priority(),
                        json.writeValueAsString(d.payload()), status.wireName(), SqlTime.of(d.createdAt()),
                        SqlTime.of(d.createdAt()), SqlTime.of(d.createdAt()), RateBudget.hash(d.destination()))
                .update();
    }

    /**
     * Queues deliveries, in one JDBC batch. In a transaction while the dispatcher runs, those that head
     * their sequence (no earlier delivery of it pending or in flight, here or in the database, and the
     * first of it in this batch) are inserted in flight for this instance and handed to the dispatcher
     * once the transaction commits ({@link DeliveryHandoff}); the others wait for a claim, behind the
     * earlier ones, as before.
     */
    public void insertAll(List<NewDelivery> deliveries) {
        insertAll(deliveries, null);
    }

    /**
     * {@link #insertAll(List)}, with the sequences' states read earlier in this transaction ({@link #sequences}),
     * so they are not read again; null reads them.
     */
    public void insertAll(List<NewDelivery> deliveries, Sequences known) {
        if (deliveries.isEmpty()) {
            return;
        }
        Instant leaseEnd = null;
        Set<String> heads = Set.of();
        if (handoff.accepting()) {
            leaseEnd = handoff.leaseEnd();
            heads = heads(deliveries, known != null ? known.busy()
                    : sequences(deliveries.stream().map(NewDelivery::sequenceKey).toList(), List.of()).busy());
        }
        String instance = handoff.instance();
        Instant claimedUntil = leaseEnd;
        Set<String> claim = heads;
        jdbcTemplate.batchUpdate("insert into deliveries (id, org_id, event_id, channel_id, channel_type, kind, sequence_key, "
                + "dedup_key, destination_sealed, destination_masked, priority, payload, status, created_at, retry_from, "
                + "next_attempt_at, merged_count, rate_key, claimed_by, claimed_until) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deliveries.stream().map(d -> {
                    boolean claimed = claim.contains(d.id());
                    return new Object[] { d.id(), d.organizationId(), d.eventId(), d.channelId(),
                            d.channelType(), d.kind().wireName(), d.sequenceKey(), d.dedupKey(),
                            secrets.sealRepeated(d.destination()), d.destinationMasked(), d.priority(),
                            json.writeValueAsString(d.payload()),
                            (claimed ? DeliveryStatus.IN_FLIGHT : DeliveryStatus.PENDING).wireName(),
                            SqlTime.of(d.createdAt()), SqlTime.of(d.createdAt()), SqlTime.of(d.createdAt()), d.mergedCount(),
                            RateBudget.hash(d.destination()), claimed ? instance : null,
                            claimed ? SqlTime.of(claimedUntil) : null };
                }).toList());
        List<ClaimedDelivery> handed = claim.isEmpty() ? List.of() : deliveries.stream()
                .filter(d -> claim.contains(d.id()))
                .map(d -> new ClaimedDelivery(d.id(), d.organizationId(), d.eventId(), d.channelId(), d.channelType(),
                        d.kind().wireName(), d.destination(), d.destinationMasked(), d.payload(), 0, d.createdAt(),
                        d.createdAt(), claimedUntil))
                .toList();
        boolean waiting = handed.size() < deliveries.size();
        AfterCommit.run(() -> {
            if (!handed.isEmpty() && !handoff.offer(handed)) {
                release(handed.stream().map(ClaimedDelivery::id).toList()); // stopped meanwhile: any instance takes them
            }
            if (waiting) {
                handoff.claimNeeded(); // the others are found by a claim, once what they wait behind is done
            }
        });
    }

    /**
     * The deliveries to hand over: each heads its sequence (none of it pending or in flight, and first of it
     * here), its destination's rate budget is not known to be spent, and the dispatcher has room for it.
     */
    private Set<String> heads(List<NewDelivery> deliveries, Set<String> busyBefore) {
        Set<String> busy = new HashSet<>(busyBefore);
        Set<String> heads = new HashSet<>();
        int room = handoff.room();
        for (NewDelivery d : deliveries) {
            if (heads.size() < room && busy.add(d.sequenceKey()) && !handoff.throttled(RateBudget.hash(d.destination()))) {
                heads.add(d.id());
            }
        }
        return heads;
    }

    /** A trigger still waiting (pending, never attempted) at the end of its sequence, and its channel. */
    public record Waiting(String deliveryId, String channelId) {
    }

    /**
     * What the stored deliveries say about some sequences: those with a delivery not yet final ({@code busy}), and, for
     * the sequences asked about for merging, the trigger still waiting at the end of each ({@code waiting}, by sequence
     * key; a sequence whose last delivery is anything else is absent).
     */
    public record Sequences(Set<String> busy, Map<String, Waiting> waiting) {
    }

    /**
     * Reads {@link Sequences} for {@code keys} (and the waiting triggers of {@code mergeKeys}) in one statement on
     * PostgreSQL, one round trip of an ingest group instead of two (docs/PERFORMANCE.md, ninth look); on H2 as two,
     * each of which H2 parses once per connection where it would parse their union on every call
     * ({@link DatabaseProduct#unionInOneStatement()}). Neither part has
     * the status in its condition: with it, PostgreSQL's planner also reads the claim index (status, ...), all of
     * its pending and in-flight entries, live and (until vacuum) dead, which under a backlog took up to 0.8 s per
     * ingest group. Each key's statuses, and its last delivery, come from the sequence index alone.
     */
    public Sequences sequences(Collection<String> keys, Collection<String> mergeKeys) {
        Set<String> busy = new HashSet<>();
        Map<String, Waiting> waiting = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        Set<String> merging = Set.copyOf(mergeKeys);
        for (List<String> chunk : chunks(all)) {
            InList in = InList.of(chunk);
            boolean anyMerging = chunk.stream().anyMatch(merging::contains);
            // The same in list for both parts (the waiting part's rows of other keys are dropped below): one SQL text
            // per list length, not one per pair of lengths (see InList on why shapes count).
            String statuses = "select 0, sequence_key, status, cast(null as varchar(40)), cast(null as varchar(40)), "
                    + "cast(null as varchar(20)), 0 from deliveries where sequence_key in (" + in.placeholders()
                    + ") group by sequence_key, status";
            String last = "select 1, d.sequence_key, d.status, d.id, d.channel_id, d.kind, d.attempts from deliveries d "
                    + "where d.sequence_key in (" + in.placeholders() + ") and d.seq_position = "
                    + "(select max(e.seq_position) from deliveries e where e.sequence_key = d.sequence_key)";
            RowCallbackHandler read = rs -> {
                String key = rs.getString(2);
                String status = rs.getString(3);
                if (rs.getInt(1) == 0) {
                    if (!DeliveryStatus.fromWireName(status).isFinal()) {
                        busy.add(key);
                    }
                } else if (merging.contains(key) && MessageKind.TRIGGER.wireName().equals(rs.getString(6))
                        && DeliveryStatus.PENDING.wireName().equals(status) && rs.getInt(7) == 0) {
                    waiting.put(key, new Waiting(rs.getString(4), rs.getString(5)));
                }
            };
            if (anyMerging && database.unionInOneStatement()) {
                List<Object> params = new ArrayList<>(in.params());
                params.addAll(in.params());
                jdbc.sql(statuses + " union all " + last).params(params).query(read);
            } else {
                jdbc.sql(statuses).params(in.params()).query(read);
                if (anyMerging) {
                    jdbc.sql(last).params(in.params()).query(read);
                }
            }
        }
        return new Sequences(busy, waiting);
    }

    /** Later triggers folded into a waiting one: its payload becomes the newest, its priority the most urgent. */
    public record Merge(String deliveryId, JsonNode payload, int priority, int count) {
    }

    /**
     * Applies the merges in one JDBC batch; false for a delivery claimed meanwhile (it needs a new delivery).
     * Rows are updated in id order, the one order every statement that locks several deliveries uses
     * (claims, merges, budget waits), so two of them never wait for each other in a cycle.
     */
    public boolean[] mergeAll(List<Merge> merges) {
        boolean[] merged = new boolean[merges.size()];
        if (merges.isEmpty()) {
            return merged;
        }
        Integer[] byId = java.util.stream.IntStream.range(0, merges.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> merges.get(i).deliveryId())).toArray(Integer[]::new);
        int[] counts = jdbcTemplate.batchUpdate("update deliveries set payload = ?, priority = least(priority, ?), "
                + "merged_count = merged_count + ? where id = ? and status = 'pending' and attempts = 0",
                java.util.Arrays.stream(byId).map(merges::get).map(m -> new Object[] { json.writeValueAsString(m.payload()),
                        m.priority(), m.count(), m.deliveryId() }).toList());
        for (int i = 0; i < counts.length; i++) {
            merged[byId[i]] = counts[i] > 0;
        }
        return merged;
    }

    /** Claims up to {@code limit} deliveries for {@code instance} until {@code now + lease}. Call in a transaction. */
    public List<ClaimedDelivery> claim(String instance, Instant now, Duration lease, int limit) {
        List<Claimable> candidates = new ArrayList<>(jdbc.sql(CLAIMABLE_EXPIRED).params(SqlTime.of(now), limit)
                .query((rs, row) -> new Claimable(rs.getString(1), rs.getInt(2))).list());
        int window = limit * 4;
        List<Claimable> pending = jdbc.sql(CLAIMABLE_PENDING).params(SqlTime.of(now), window)
                .query((rs, row) -> new Claimable(rs.getString(1), rs.getInt(2))).list();
        if (pending.isEmpty() && countDueWindow(now, window) == window) {
            pending = jdbc.sql(CLAIMABLE_PENDING_ALL).params(SqlTime.of(now), limit)
                    .query((rs, row) -> new Claimable(rs.getString(1), rs.getInt(2))).list();
        }
        candidates.addAll(pending);
        List<String> candidateIds = candidates.stream()
                .sorted(java.util.Comparator.comparingInt(Claimable::priority).thenComparing(Claimable::id))
                .limit(limit).map(Claimable::id).sorted().toList(); // claimed in id order, as merges lock them
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        int[] claimed = jdbcTemplate.batchUpdate(CLAIM, candidateIds.stream().map(id -> new Object[] { instance,
                SqlTime.of(now.plus(lease)), id, SqlTime.of(now), SqlTime.of(now) }).toList());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < claimed.length; i++) {
            if (claimed[i] > 0) {
                ids.add(candidateIds.get(i)); // 0: another instance claimed it after we read it
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of(ids);
        return jdbc.sql("select * from deliveries where id in (" + in.placeholders() + ") order by priority, id").params(in.params())
                .query(this::claimed).list();
    }

    private int countDueWindow(Instant now, int window) {
        return jdbc.sql("select count(*) from (select id from deliveries where status = 'pending' and next_attempt_at <= ? "
                + "order by status, priority, id limit ?) w").params(SqlTime.of(now), window).query(Integer.class).single();
    }

    /** A claimed delivery going back to pending without an attempt: its rate budget is spent until {@code until}. */
    public record BudgetWait(String id, Instant until) {
    }

    /** Puts claimed deliveries back to wait for their rate budget, in one JDBC batch, in id order. */
    public void waitForBudget(List<BudgetWait> waits) {
        jdbcTemplate.batchUpdate("update deliveries set status = 'pending', next_attempt_at = ?, claimed_by = null, "
                + "claimed_until = null where id = ?", waits.stream().sorted(java.util.Comparator.comparing(BudgetWait::id))
                        .map(w -> new Object[] { SqlTime.of(w.until()), w.id() }).toList());
    }

    /**
     * Every pending delivery of a rate key that would come due before {@code at} waits until then: the
     * key's budget is spent until its next slot frees, and checking its deliveries one by one on each
     * pass would fill the claims ahead of other keys. Their order within the key stays (they come due
     * together and are claimed by priority, then age). Rows are locked in id order first, the order of
     * merges and claims, so this never deadlocks with an ingest merging into the same deliveries. Call in
     * a transaction. Returns how many were put back.
     */
    public int waitForKeyBudget(String rateKey, Instant at) {
        jdbc.sql("select id from deliveries where rate_key = ? and status = 'pending' and next_attempt_at < ? "
                + "order by id for update").params(rateKey, SqlTime.of(at)).query(String.class).list();
        return jdbc.sql("update deliveries set next_attempt_at = ? where rate_key = ? and status = 'pending' "
                + "and next_attempt_at < ?").params(SqlTime.of(at), rateKey, SqlTime.of(at)).update();
    }

    /**
     * Fails every delivery of a channel still waiting to be sent (not those in flight: their answers are
     * recorded as they come), e.g. when its receiver answered 410 Gone. Returns how many.
     */
    public int failWaiting(String channelId, Instant at, String message) {
        return jdbc.sql("update deliveries set status = 'failed', finished_at = ?, last_message = ? "
                + "where channel_id = ? and status = 'pending'").params(SqlTime.of(at), truncate(message, 4000), channelId)
                .update();
    }

    /** Releases claims not yet sent (graceful stop), so another instance need not wait for the lease. */
    public void release(List<String> ids) {
        for (String id : ids) {
            jdbc.sql("update deliveries set status = 'pending', claimed_by = null, claimed_until = null "
                    + "where id = ? and status = 'in_flight'").param(id).update();
        }
    }

    /** Records the outcome of an attempt: the new status, when to try again, and the destination's answer. */
    public void finishAttempt(String id, DeliveryStatus status, Instant nextAttemptAt, Instant finishedAt, Integer httpStatus,
            String message) {
        finishAttempt(id, status, nextAttemptAt, finishedAt, httpStatus, message, null);
    }

    /** {@link #finishAttempt}, keeping {@code remoteRef} (what the channel type kept of a delivered message). */
    public void finishAttempt(String id, DeliveryStatus status, Instant nextAttemptAt, Instant finishedAt, Integer httpStatus,
            String message, String remoteRef) {
        jdbc.sql("update deliveries set status = ?, attempts = attempts + 1, next_attempt_at = coalesce(?, next_attempt_at), "
                        + "finished_at = ?, last_status = ?, last_message = ?, remote_ref = coalesce(?, remote_ref), "
                        + "claimed_by = null, claimed_until = null where id = ?")
                .params(status.wireName(), SqlTime.of(nextAttemptAt), SqlTime.of(finishedAt), httpStatus,
                        truncate(message, 4000), remoteRef, id)
                .update();
    }

    /**
     * Whether this channel queued a trigger in this sequence (a destination and dedup key), kept or not: a
     * conversation's follow-up goes only where its trigger went. One index probe ({@code deliveries_sequence});
     * deliveries retention has pruned count as never queued.
     */
    public boolean triggerQueued(String channelId, String sequenceKey) {
        return !jdbc.sql("select id from deliveries where sequence_key = ? and channel_id = ? and kind = 'trigger' limit 1")
                .params(sequenceKey, channelId).query(String.class).list().isEmpty();
    }

    /**
     * The reference kept with the latest delivered trigger before this delivery in its sequence, through
     * the same channel ({@link app.ascend.notify.channel.spi.Outgoing#originalRef()}), or empty when none
     * was kept. One index probe on the sequence ({@code deliveries_sequence}).
     */
    public Optional<String> originalRef(String deliveryId) {
        return jdbc.sql("select t.remote_ref from deliveries d join deliveries t on t.sequence_key = d.sequence_key "
                        + "and t.channel_id = d.channel_id and t.seq_position < d.seq_position where d.id = ? "
                        + "and t.kind = 'trigger' and t.status = 'delivered' and t.remote_ref is not null "
                        + "order by t.seq_position desc limit 1")
                .param(deliveryId).query(String.class).optional();
    }

    public void insertAttempt(String id, String deliveryId, Instant at, Integer httpStatus, String outcome, String message,
            List<String> errors, long latencyMillis) {
        jdbc.sql("insert into delivery_attempts (id, delivery_id, attempted_at, http_status, outcome, message, errors, latency_ms) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, deliveryId, SqlTime.of(at), httpStatus, outcome, truncate(message, 4000),
                        StoredText.errorsJson(json, errors, StoredText.ERRORS_MAX), latencyMillis)
                .update();
    }

    /** An attempt row to insert. */
    public record Attempt(String id, String deliveryId, Instant at, Integer httpStatus, String outcome, String message,
            List<String> errors, long latencyMillis) {
    }

    /**
     * A delivery's state after an attempt by the instance that claimed it; {@code remoteRef}, what the
     * channel type kept of a delivered message (null for none).
     */
    public record Finish(String id, String claimedBy, DeliveryStatus status, Instant nextAttemptAt, Instant finishedAt,
            Integer httpStatus, String message, String remoteRef) {
    }

    /** {@link #insertAttempt} for many, in one JDBC batch. */
    public void insertAttempts(List<Attempt> attempts) {
        jdbcTemplate.batchUpdate("insert into delivery_attempts (id, delivery_id, attempted_at, http_status, outcome, message, "
                + "errors, latency_ms) values (?, ?, ?, ?, ?, ?, ?, ?)", attempts.stream().map(a -> new Object[] { a.id(),
                        a.deliveryId(), SqlTime.of(a.at()), a.httpStatus(), a.outcome(), truncate(a.message(), 4000),
                        StoredText.errorsJson(json, a.errors(), StoredText.ERRORS_MAX),
                        a.latencyMillis() }).toList());
    }

    /**
     * {@link #finishAttempt} for many, in one JDBC batch, each only while its claim is still this
     * instance's: a send that outlived its lease was taken over by another instance, whose outcome
     * stands (recording the late one could set a delivered trigger back to pending and page again
     * after its resolve). Returns how many were recorded; the attempts are logged either way.
     */
    public int finishAttempts(List<Finish> finishes) {
        int[] counts = jdbcTemplate.batchUpdate("update deliveries set status = ?, attempts = attempts + 1, "
                + "next_attempt_at = coalesce(?, next_attempt_at), finished_at = ?, last_status = ?, last_message = ?, "
                + "remote_ref = coalesce(?, remote_ref), "
                + "claimed_by = null, claimed_until = null where id = ? and status = 'in_flight' and claimed_by = ?",
                finishes.stream().map(f -> new Object[] { f.status().wireName(), SqlTime.of(f.nextAttemptAt()),
                        SqlTime.of(f.finishedAt()), f.httpStatus(), truncate(f.message(), 4000), f.remoteRef(), f.id(),
                        f.claimedBy() })
                        .toList());
        return (int) java.util.Arrays.stream(counts).filter(count -> count > 0).count();
    }

    /*
     * A later resolve of the same alert (sequence) that the destination has, or is being sent: a trigger sent
     * after it would open an alert that nothing closes. A resolve still pending is not one of them: the
     * requeued trigger keeps its position, so it goes first and the resolve then closes it.
     */
    private static final String LATER_RESOLVE_SENT = "select r.id, r.status from deliveries r where r.sequence_key = d.sequence_key "
            + "and r.seq_position > d.seq_position and r.kind = 'resolve' and r.status in ('in_flight', 'delivered')";

    /**
     * A failed or dead delivery queued again by hand; its maximum age counts from now and it keeps its
     * place in its sequence. False when it is not failed or dead, or is a trigger with a later resolve
     * sent ({@link #laterResolveSent}).
     */
    public boolean requeue(String organizationId, String id, Instant now) {
        return jdbc.sql("update deliveries d set status = 'pending', next_attempt_at = ?, retry_from = ?, finished_at = null "
                        + "where d.org_id = ? and d.id = ? and d.status in ('failed', 'dead') "
                        + "and not (d.kind = 'trigger' and exists (" + LATER_RESOLVE_SENT + "))")
                .params(SqlTime.of(now), SqlTime.of(now), organizationId, id).update() > 0;
    }

    /**
     * How many 429s in a row a delivery's latest attempts got (since {@code since}, when it was queued or
     * re-queued by hand): read from the stored attempts, so the back-off keeps growing across restarts
     * and instances.
     */
    public int rateLimitedStreak(String deliveryId, Instant since) {
        return jdbc.sql("select count(*) from delivery_attempts a where a.delivery_id = ? and a.outcome = 'rate_limited' "
                        + "and a.attempted_at >= ? and not exists (select 1 from delivery_attempts b where "
                        + "b.delivery_id = a.delivery_id and b.outcome <> 'rate_limited' and b.attempted_at > a.attempted_at)")
                .params(deliveryId, SqlTime.of(since)).query(Integer.class).single();
    }

    /** A resolve after this trigger in its sequence that was delivered or is in flight: its id and status. */
    public Optional<LaterResolve> laterResolveSent(String organizationId, String id) {
        return jdbc.sql("select r.id, r.status from deliveries d join deliveries r on r.sequence_key = d.sequence_key "
                        + "and r.seq_position > d.seq_position where d.org_id = ? and d.id = ? and d.kind = 'trigger' "
                        + "and r.kind = 'resolve' and r.status in ('in_flight', 'delivered') order by r.seq_position desc limit 1")
                .params(organizationId, id)
                .query((rs, n) -> new LaterResolve(rs.getString(1), DeliveryStatus.fromWireName(rs.getString(2))))
                .optional();
    }

    /** See {@link #laterResolveSent}. */
    public record LaterResolve(String deliveryId, DeliveryStatus status) {
    }

    private ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedDelivery(rs.getString("id"), rs.getString("org_id"), rs.getString("event_id"),
                rs.getString("channel_id"), rs.getString("channel_type"), rs.getString("kind"),
                secrets.openRepeated(rs.getString("destination_sealed")), rs.getString("destination_masked"),
                json.readTree(rs.getString("payload")), rs.getInt("attempts"), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "retry_from"), SqlTime.read(rs, "claimed_until"));
    }

    /** Keys in lists of at most 500, so an {@code in (...)} list stays a reasonable statement. */
    private static List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + 500)));
        }
        return chunks;
    }


    static String truncate(String text, int max) {
        return StoredText.cut(text, max);
    }
}
