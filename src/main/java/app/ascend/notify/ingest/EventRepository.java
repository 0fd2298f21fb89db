package app.ascend.notify.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.InList;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class EventRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final JdbcTemplate jdbcTemplate;

    public EventRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    /** Stores the event; false when the organization already has an event with its sender id. */
    public boolean insert(StoredEvent e) {
        return jdbc.sql("insert into events (id, org_id, source_id, type, action_id, dedup_key, occurred_at, received_at, "
                        + "body, decisions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(e.id(), e.organizationId(), e.sourceId(), e.type(), e.actionId(), e.dedupKey(),
                        SqlTime.of(e.occurredAt()), SqlTime.of(e.receivedAt()), json.writeValueAsString(e.body()),
                        json.writeValueAsString(e.decisions()))
                .update() == 1;
    }

    /** {@link #insert} for many in one JDBC batch; false when any sender id was stored meanwhile. */
    public boolean insertAll(List<StoredEvent> stored) {
        if (stored.isEmpty()) {
            return true;
        }
        int[] counts = jdbcTemplate.batchUpdate("insert into events (id, org_id, source_id, type, action_id, dedup_key, "
                + "occurred_at, received_at, body, decisions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                stored.stream().map(e -> new Object[] { e.id(), e.organizationId(), e.sourceId(), e.type(), e.actionId(),
                        e.dedupKey(), SqlTime.of(e.occurredAt()), SqlTime.of(e.receivedAt()),
                        json.writeValueAsString(e.body()), json.writeValueAsString(e.decisions()) }).toList());
        return java.util.Arrays.stream(counts).allMatch(count -> count == 1 || count == java.sql.Statement.SUCCESS_NO_INFO);
    }

    /** Sender id → stored event id, for the ids of this organization that are already stored. */
    public Map<String, String> idsBySourceId(String organizationId, Collection<String> sourceIds) {
        Map<String, String> found = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return found;
        }
        // Row values, so H2 looks up both columns of events_source (with "org_id = ? and source_id in (...)" it
        // used only org_id and read every event of the organization).
        InList in = InList.pairs(organizationId, sourceIds);
        jdbc.sql("select source_id, id from events where (org_id, source_id) in (" + in.placeholders() + ")").params(in.params())
                .query(rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                });
        return found;
    }

    public Optional<StoredEvent> find(String organizationId, String id) {
        return jdbc.sql("select * from events where org_id = ? and id = ?").params(organizationId, id)
                .query(this::map).optional();
    }

    /**
     * The newest event of {@code types} under a dedup key (e.g. the trigger that opened an incident), by the
     * {@code events_dedup} index.
     */
    public Optional<StoredEvent> newestOfKey(String organizationId, String dedupKey, List<String> types) {
        InList in = InList.of(types);
        return jdbc.sql("select * from events where org_id = ? and dedup_key = ? and type in (" + in.placeholders()
                        + ") order by received_at desc, id desc limit 1")
                .params(in.after(organizationId, dedupKey)).query(this::map).optional();
    }

    public List<StoredEvent> page(String organizationId, String actionId, PageParams page) {
        if (actionId != null) {
            return jdbc.sql("select * from events where org_id = ? and action_id = ? and id < ? order by id desc limit ?")
                    .params(organizationId, actionId, page.before(), page.fetchSize()).query(this::map).list();
        }
        return jdbc.sql("select * from events where org_id = ? and id < ? order by id desc limit ?")
                .params(organizationId, page.before(), page.fetchSize()).query(this::map).list();
    }

    private StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getString("id"), rs.getString("org_id"), rs.getString("source_id"),
                rs.getString("type"), rs.getString("action_id"), rs.getString("dedup_key"),
                SqlTime.read(rs, "occurred_at"), SqlTime.read(rs, "received_at"), json.readTree(rs.getString("body")),
                json.readTree(rs.getString("decisions")));
    }
}
