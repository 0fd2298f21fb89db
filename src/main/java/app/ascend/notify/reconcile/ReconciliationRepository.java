package app.ascend.notify.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.InList;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.PageParams;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lease row of each reconciled channel and the passes worth keeping. Every time here is the database's
 * (the injected clock is {@code db.DatabaseClock}), so instances whose own clocks disagree still agree on who
 * holds a channel and when it is due.
 */
@Repository
class ReconciliationRepository {
    /** Passes kept per channel; older ones are deleted when a new one is kept. */
    static final int RUNS_KEPT = 200;
    private static final TypeReference<List<ReconciliationRun.Correction>> CORRECTIONS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReconciliationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Of these channels, those with no lease row yet or due and not held at {@code now}. */
    List<String> dueAmong(Collection<String> channelIds, Instant now) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> notDue = new java.util.HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(channelIds))) {
            InList in = InList.of(chunk);
            notDue.addAll(jdbc.sql("select channel_id from reconciliation_leases where channel_id in (" + in.placeholders()
                            + ") and (next_due_at > ? or held_until > ?)")
                    .params(withTimes(in.params(), now)).query(String.class).list());
        }
        return channelIds.stream().filter(id -> !notDue.contains(id)).toList();
    }

    private static List<Object> withTimes(List<Object> params, Instant now) {
        List<Object> all = new ArrayList<>(params);
        all.add(SqlTime.of(now));
        all.add(SqlTime.of(now));
        return all;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    /** The channel's lease row, due at {@code dueAt}, unless it has one. */
    void ensureLease(String organizationId, String channelId, Instant dueAt) {
        jdbc.sql("insert into reconciliation_leases (channel_id, org_id, next_due_at) values (?, ?, ?) on conflict do nothing")
                .params(channelId, organizationId, SqlTime.of(dueAt)).update();
    }

    /**
     * Takes the channel for {@code holder} until {@code heldUntil} if nobody holds it at {@code now} (and, when
     * {@code onlyIfDue}, it is due): one conditional update, so of two instances exactly one gets it.
     */
    boolean claim(String channelId, String holder, Instant now, Instant heldUntil, boolean onlyIfDue) {
        return jdbc.sql("update reconciliation_leases set holder = ?, held_until = ? where channel_id = ? "
                        + "and (held_until is null or held_until <= ?)" + (onlyIfDue ? " and next_due_at <= ?" : ""))
                .params(onlyIfDue
                        ? List.of(holder, SqlTime.of(heldUntil), channelId, SqlTime.of(now), SqlTime.of(now))
                        : List.of(holder, SqlTime.of(heldUntil), channelId, SqlTime.of(now)))
                .update() > 0;
    }

    /** A channel that cannot be reconciled (no credential): looked at again at {@code nextDueAt}, nothing asked. */
    void postpone(String channelId, Instant nextDueAt) {
        jdbc.sql("update reconciliation_leases set next_due_at = ? where channel_id = ? and holder is null")
                .params(SqlTime.of(nextDueAt), channelId).update();
    }

    /** Releases the channel and keeps what the pass did; nothing when another holder took it over meanwhile. */
    void finish(String channelId, String holder, Instant nextDueAt, ReconciliationRun run) {
        jdbc.sql("update reconciliation_leases set holder = null, held_until = null, next_due_at = ?, last_run_at = ?, "
                        + "last_checked = ?, last_corrected = ?, last_error = ? where channel_id = ? and holder = ?")
                .params(SqlTime.of(nextDueAt), SqlTime.of(run.finishedAt()), run.checked(), run.corrected(), run.error(),
                        channelId, holder)
                .update();
    }

    Optional<LastReconciliation> last(String organizationId, String channelId) {
        return jdbc.sql("select * from reconciliation_leases where org_id = ? and channel_id = ?")
                .params(organizationId, channelId)
                .query((rs, row) -> new LastReconciliation(SqlTime.read(rs, "last_run_at"), integer(rs, "last_checked"),
                        integer(rs, "last_corrected"), rs.getString("last_error"), SqlTime.read(rs, "next_due_at")))
                .optional();
    }

    /** Keeps a pass, and deletes the channel's passes beyond the newest {@link #RUNS_KEPT}. */
    void keep(String organizationId, ReconciliationRun run) {
        jdbc.sql("insert into reconciliation_runs (id, org_id, channel_id, trigger_kind, started_at, finished_at, "
                        + "open_incidents, checked, corrected, error, corrections) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.id(), organizationId, run.channelId(), run.trigger(), SqlTime.of(run.startedAt()),
                        SqlTime.of(run.finishedAt()), run.openIncidents(), run.checked(), run.corrected(), run.error(),
                        json.writeValueAsString(run.corrections()))
                .update();
        List<String> beyond = jdbc.sql("select id from reconciliation_runs where org_id = ? and channel_id = ? "
                        + "order by id desc limit 100 offset ?")
                .params(organizationId, run.channelId(), RUNS_KEPT).query(String.class).list();
        if (!beyond.isEmpty()) {
            InList in = InList.of(beyond);
            jdbc.sql("delete from reconciliation_runs where id in (" + in.placeholders() + ")").params(in.params()).update();
        }
    }

    /** A page of a channel's kept passes, newest first. */
    List<ReconciliationRun> page(String organizationId, String channelId, PageParams page) {
        return jdbc.sql("select * from reconciliation_runs where org_id = ? and channel_id = ? and id < ? "
                        + "order by id desc limit ?")
                .params(organizationId, channelId, page.before(), page.fetchSize())
                .query(this::map).list();
    }

    private ReconciliationRun map(ResultSet rs, int row) throws SQLException {
        return new ReconciliationRun(rs.getString("id"), rs.getString("channel_id"), rs.getString("trigger_kind"),
                SqlTime.read(rs, "started_at"), SqlTime.read(rs, "finished_at"), rs.getInt("open_incidents"),
                rs.getInt("checked"), rs.getInt("corrected"), rs.getString("error"),
                json.readValue(rs.getString("corrections"), CORRECTIONS));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
