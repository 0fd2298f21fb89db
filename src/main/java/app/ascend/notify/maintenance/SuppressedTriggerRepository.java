package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.InList;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.event.EventType;
import app.ascend.notify.ids.Ids;

/**
 * Triggers that notify_after windows muted, until the release job has decided what became of them.
 * Releasing locks the rows of one (organization, channel, dedup key) with {@code FOR UPDATE SKIP
 * LOCKED} and sets {@code released_at}, so with several instances each held action is released once.
 */
@Repository
class SuppressedTriggerRepository {
    private static final List<String> RESOLVE_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.action() == EventType.Action.RESOLVE).map(EventType::wireName).toList();
    private final JdbcClient jdbc;

    SuppressedTriggerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the release job handles as one: the triggers held for one action on one channel. */
    record HeldKey(String organizationId, String channelId, String dedupKey) {
    }

    /** One held trigger: which window muted which event, and when. */
    record HeldTrigger(String id, String windowId, String eventId, Instant suppressedAt) {
    }

    /** Remembers a muted trigger; the same event muted twice by one window on one channel is one row. */
    void record(String windowId, String organizationId, String channelId, String dedupKey, String eventId, Instant at) {
        jdbc.sql("insert into suppressed_triggers (id, window_id, org_id, channel_id, dedup_key, event_id, suppressed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(Ids.newId("sup"), windowId, organizationId, channelId, dedupKey, eventId, SqlTime.of(at))
                .update();
    }

    /** The windows (of any organization, deleted ones too) that hold triggers not yet released. */
    List<String> windowsHolding() {
        return jdbc.sql("select distinct window_id from suppressed_triggers where released_at is null")
                .query(String.class).list();
    }

    /**
     * Up to {@code limit} actions with triggers still held by these windows, in (organization, channel,
     * dedup key) order, after {@code after} (null: from the start). A keyset page: the release job walks
     * them all, so actions another window still mutes (never marked) cannot hide the ones behind them.
     */
    List<HeldKey> keysHeldBy(Collection<String> windowIds, HeldKey after, int limit) {
        if (windowIds.isEmpty()) {
            return List.of();
        }
        InList windows = InList.of(windowIds);
        List<Object> params = new ArrayList<>(windows.params());
        String from = "";
        if (after != null) {
            // Spelled out rather than a row-value comparison, the same on H2 and PostgreSQL.
            from = "and (org_id > ? or (org_id = ? and (channel_id > ? or (channel_id = ? and dedup_key > ?)))) ";
            params.addAll(List.of(after.organizationId(), after.organizationId(), after.channelId(), after.channelId(),
                    after.dedupKey()));
        }
        params.add(limit);
        return jdbc.sql("select distinct org_id, channel_id, dedup_key from suppressed_triggers where released_at is null "
                        + "and window_id in (" + windows.placeholders() + ") " + from
                        + "order by org_id, channel_id, dedup_key limit ?")
                .params(params)
                .query((rs, row) -> new HeldKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Locks the held triggers of one action on one channel (from any window), newest first; empty when
     * another instance holds them or they were released meanwhile. Call in a transaction.
     */
    List<HeldTrigger> lock(HeldKey key) {
        return jdbc.sql("select id, window_id, event_id, suppressed_at from suppressed_triggers "
                        + "where org_id = ? and channel_id = ? and dedup_key = ? and released_at is null "
                        + "order by suppressed_at desc, event_id desc for update skip locked")
                .params(key.organizationId(), key.channelId(), key.dedupKey())
                .query((rs, row) -> new HeldTrigger(rs.getString("id"), rs.getString("window_id"),
                        rs.getString("event_id"), SqlTime.read(rs, "suppressed_at")))
                .list();
    }

    /** Records what became of the held triggers: {@code outcome} and the delivery that carried them, if any. */
    void markReleased(List<HeldTrigger> triggers, Instant at, String outcome, String deliveryId) {
        InList in = InList.of(triggers.stream().map(HeldTrigger::id).toList());
        jdbc.sql("update suppressed_triggers set released_at = ?, release_outcome = ?, delivery_id = ? "
                        + "where released_at is null and id in (" + in.placeholders() + ")")
                .params(in.after(SqlTime.of(at), outcome, deliveryId)).update();
    }

    /** Lets go of everything a window holds without sending it (its notify_after was turned off). */
    void dropHeldBy(String windowId, Instant at, String outcome) {
        jdbc.sql("update suppressed_triggers set released_at = ?, release_outcome = ? where window_id = ? and released_at is null")
                .params(SqlTime.of(at), outcome, windowId).update();
    }

    /**
     * Whether a resolve (or approval) for the action arrived after the event: ingest order is received_at,
     * then id within one batch (ids are made in order).
     */
    boolean resolvedAfter(String organizationId, String dedupKey, String eventId) {
        List<Object> params = new ArrayList<>(List.of(eventId, organizationId, dedupKey));
        params.addAll(RESOLVE_TYPES);
        return !jdbc.sql("select r.id from events r join events s on s.id = ? "
                        + "where r.org_id = ? and r.dedup_key = ? and r.type in (" + placeholders(RESOLVE_TYPES.size()) + ") "
                        + "and (r.received_at > s.received_at or (r.received_at = s.received_at and r.id > s.id)) limit 1")
                .params(params).query(String.class).list().isEmpty();
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
