package app.ascend.notify.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.InList;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.secret.SecretBox;
import app.ascend.notify.web.PageParams;

/**
 * Incidents per (channel, routing key, dedup key). The unique {@code open_key} makes "at most one open
 * incident per sequence" hold for concurrent ingests and several instances.
 */
@Repository
public class IncidentRepository {
    private final JdbcClient jdbc;
    private final SecretBox secrets;

    private final JdbcTemplate jdbcTemplate;

    public IncidentRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretBox secrets) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.secrets = secrets;
    }

    /** A trigger for a sequence: opens its incident or touches the open one. */
    public record Touch(String organizationId, String channelId, String channelType, String sequenceKey, String dedupKey,
            String actionId, String destination, String destinationMasked, Instant at) {
    }

    /**
     * Locks the open incidents of these dedup keys, in {@code open_key} order, until the transaction
     * ends. A request that touches or closes several incidents calls this first, so that every request
     * takes the locks it needs in one global order whatever the order of its events: two batches with the
     * same keys in opposite orders otherwise each hold what the other waits for (PostgreSQL then
     * aborts one with "deadlock detected", a 503 to its sender).
     */
    public void lockOpen(String organizationId, Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(new TreeSet<>(dedupKeys));
        // (org_id, dedup_key) in ((?, ?), ...): H2 used only org_id of the index for "org_id = ? and
        // dedup_key in (...)" and read every incident of the organization (the benchmark's profile).
        InList in = InList.pairs(organizationId, keys);
        jdbc.sql("select id from incidents where (org_id, dedup_key) in (" + in.placeholders() + ") and open_key is not null "
                + "order by open_key for update").params(in.params()).query(String.class).list();
    }

    /**
     * Records that triggers went (or are queued) for these sequences, each once: opens each one's
     * incident or touches the open one, with one JDBC batch per statement, in {@code open_key} order
     * (see {@link #lockOpen}). The insert comes first: a trigger usually opens a new incident, and then
     * this is one statement, not an update that finds nothing and an insert (one round trip fewer per ingest
     * group on PostgreSQL; docs/PERFORMANCE.md, ninth look). Only the keys already open are then touched,
     * and a key closed between the two statements (a resolve on another connection) is opened again.
     */
    public void openOrTouchAll(List<Touch> unordered) {
        List<Touch> touches = unordered.stream().sorted(Comparator.comparing(Touch::sequenceKey)).toList();
        List<Touch> alreadyOpen = open(touches);
        if (alreadyOpen.isEmpty()) {
            return;
        }
        int[] touched = jdbcTemplate.batchUpdate("update incidents set last_event_at = ? where open_key = ?",
                alreadyOpen.stream().map(t -> new Object[] { SqlTime.of(t.at()), t.sequenceKey() }).toList());
        List<Touch> closedMeanwhile = new ArrayList<>();
        for (int i = 0; i < alreadyOpen.size(); i++) {
            if (touched[i] == 0) {
                closedMeanwhile.add(alreadyOpen.get(i));
            }
        }
        open(closedMeanwhile);
    }

    /** Opens an incident for each touch whose key has none open; returns the touches whose key was open already. */
    private List<Touch> open(List<Touch> touches) {
        if (touches.isEmpty()) {
            return List.of();
        }
        int[] inserted = jdbcTemplate.batchUpdate("insert into incidents (id, org_id, channel_id, channel_type, sequence_key, "
                + "open_key, dedup_key, action_id, destination_sealed, destination_masked, status, opened_at, last_event_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                touches.stream().map(t -> new Object[] { Ids.newId("inc"), t.organizationId(), t.channelId(), t.channelType(),
                        t.sequenceKey(), t.sequenceKey(), t.dedupKey(), t.actionId(), secrets.sealRepeated(t.destination()),
                        t.destinationMasked(), IncidentStatus.OPEN.wireName(), SqlTime.of(t.at()), SqlTime.of(t.at()) })
                        .toList());
        List<Touch> alreadyOpen = new ArrayList<>();
        for (int i = 0; i < touches.size(); i++) {
            if (inserted[i] == 0) {
                alreadyOpen.add(touches.get(i));
            }
        }
        return alreadyOpen;
    }

    /** The open (or acknowledged) incidents of a channel for a dedup key, one per destination. */
    public List<Incident> openFor(String organizationId, String channelId, String dedupKey) {
        return jdbc.sql("select * from incidents where org_id = ? and dedup_key = ? and channel_id = ? "
                        + "and open_key is not null order by id")
                .params(organizationId, dedupKey, channelId).query(this::map).list();
    }

    /**
     * The open (and acknowledged) incidents of a channel, oldest opened first, at most {@code limit}: what a
     * reconciliation pass asks the destination about.
     */
    public List<Incident> openOfChannel(String organizationId, String channelId, int limit) {
        return jdbc.sql("select * from incidents where org_id = ? and channel_id = ? and open_key is not null "
                        + "order by opened_at, id limit ?")
                .params(organizationId, channelId, limit).query(this::map).list();
    }

    /** How many incidents of a channel are open (or acknowledged). */
    public int countOpenOfChannel(String organizationId, String channelId) {
        return jdbc.sql("select count(*) from incidents where org_id = ? and channel_id = ? and open_key is not null")
                .params(organizationId, channelId).query(Integer.class).single();
    }

    /** Closes the incident; false when another request closed it first. */
    public boolean resolve(String id, Instant at) {
        return jdbc.sql("update incidents set status = ?, open_key = null, resolved_at = ?, last_event_at = ? "
                        + "where id = ? and open_key is not null")
                .params(IncidentStatus.RESOLVED.wireName(), SqlTime.of(at), SqlTime.of(at), id).update() > 0;
    }

    public boolean acknowledge(String id, Instant at) {
        return jdbc.sql("update incidents set status = ?, last_event_at = ? where id = ? and open_key is not null")
                .params(IncidentStatus.ACKNOWLEDGED.wireName(), SqlTime.of(at), id).update() > 0;
    }

    public Optional<Incident> find(String organizationId, String id) {
        return jdbc.sql("select * from incidents where org_id = ? and id = ?").params(organizationId, id)
                .query(this::map).optional();
    }

    /**
     * A page of the organization's open (and acknowledged), resolved or not opened incidents ({@code status}
     * OPEN, RESOLVED or NOT_OPENED), newest first; {@code lastEventBefore} / {@code lastEventFrom} (either
     * may be null) bound {@code last_event_at}.
     */
    public List<Incident> page(String organizationId, IncidentStatus status, Instant lastEventBefore,
            Instant lastEventFrom, PageParams page) {
        StringBuilder sql = new StringBuilder("select * from incidents where org_id = ? and id < ? and ")
                .append(status.isOpen() ? "open_key is not null" : "open_key is null and status = ?");
        List<Object> params = new ArrayList<>(List.of(organizationId, page.before()));
        if (!status.isOpen()) {
            params.add(status.wireName());
        }
        if (lastEventBefore != null) {
            sql.append(" and last_event_at < ?");
            params.add(SqlTime.of(lastEventBefore));
        }
        if (lastEventFrom != null) {
            sql.append(" and last_event_at >= ?");
            params.add(SqlTime.of(lastEventFrom));
        }
        sql.append(" order by id desc limit ?");
        params.add(page.fetchSize());
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * Closes an open incident whose trigger the destination never took: {@code not_opened}, with why and
     * the delivery it was in; false when it was closed meanwhile.
     */
    public boolean markNotOpened(String id, Instant at, String reason, String deliveryId) {
        return jdbc.sql("update incidents set status = ?, open_key = null, resolved_at = ?, status_reason = ?, "
                        + "closed_by_delivery = ? where id = ? and open_key is not null")
                .params(IncidentStatus.NOT_OPENED.wireName(), SqlTime.of(at), reason, deliveryId, id).update() > 0;
    }

    /** The incidents of a dedup key found not opened by one of these deliveries, by delivery id. */
    public java.util.Map<String, Incident> notOpenedBy(String organizationId, String dedupKey, List<String> deliveryIds) {
        java.util.Map<String, Incident> byDelivery = new java.util.HashMap<>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        InList in = InList.of(deliveryIds);
        jdbc.sql("select * from incidents where org_id = ? and dedup_key = ? and status = ? and closed_by_delivery in ("
                        + in.placeholders() + ")")
                .params(in.after(organizationId, dedupKey, IncidentStatus.NOT_OPENED.wireName()))
                .query(rs -> {
                    byDelivery.put(rs.getString("closed_by_delivery"), map(rs, 0));
                });
        return byDelivery;
    }

    private Incident map(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getString("id"), rs.getString("org_id"), rs.getString("channel_id"),
                rs.getString("channel_type"), rs.getString("sequence_key"), rs.getString("dedup_key"),
                rs.getString("action_id"), secrets.openRepeated(rs.getString("destination_sealed")),
                rs.getString("destination_masked"), IncidentStatus.fromWireName(rs.getString("status")),
                SqlTime.read(rs, "opened_at"), SqlTime.read(rs, "last_event_at"), SqlTime.read(rs, "resolved_at"),
                rs.getString("status_reason"), remote(rs));
    }

    private static RemoteState remote(ResultSet rs) throws SQLException {
        Instant changedAt = SqlTime.read(rs, "remote_changed_at");
        return changedAt == null ? null : new RemoteState(rs.getString("remote_status"), rs.getString("remote_actor"),
                changedAt, rs.getString("remote_url"), rs.getString("remote_id"));
    }

    /**
     * The newest incident of a channel for a dedup key, whatever its status, locked until the transaction
     * ends: what an inbound webhook about that key changes (it may reopen a resolved one).
     */
    public Optional<Incident> lockNewest(String organizationId, String channelId, String dedupKey) {
        return jdbc.sql("select * from incidents where id = (select max(id) from incidents where org_id = ? "
                        + "and channel_id = ? and dedup_key = ?) for update")
                .params(organizationId, channelId, dedupKey).query(this::map).optional();
    }

    /** The newest incident of a channel the destination knows by {@code remoteId}, locked until the transaction ends. */
    public Optional<Incident> lockNewestByRemoteId(String organizationId, String channelId, String remoteId) {
        return jdbc.sql("select * from incidents where id = (select max(id) from incidents where org_id = ? "
                        + "and channel_id = ? and remote_id = ?) for update")
                .params(organizationId, channelId, remoteId).query(this::map).optional();
    }

    /** The newest incident of a channel for a dedup key, whatever its status. */
    public Optional<Incident> newest(String organizationId, String channelId, String dedupKey) {
        return jdbc.sql("select * from incidents where id = (select max(id) from incidents where org_id = ? "
                        + "and channel_id = ? and dedup_key = ?)")
                .params(organizationId, channelId, dedupKey).query(this::map).optional();
    }

    /** Records what the destination says of the incident, its own status unchanged. */
    void writeRemote(String id, RemoteState remote) {
        jdbc.sql("update incidents set remote_status = coalesce(?, remote_status), remote_actor = ?, remote_changed_at = ?, "
                        + "remote_url = coalesce(?, remote_url), remote_id = coalesce(?, remote_id) where id = ?")
                .params(remote.status(), remote.actor(), SqlTime.of(remote.changedAt()), remote.url(), remote.id(), id)
                .update();
    }

    /** Moves an open incident to {@code status} (open or acknowledged) with what the destination says; false when closed. */
    boolean remoteStatus(String id, IncidentStatus status, RemoteState remote) {
        writeRemote(id, remote);
        return jdbc.sql("update incidents set status = ? where id = ? and open_key is not null")
                .params(status.wireName(), id).update() > 0;
    }

    /** Closes an incident the destination resolved, saying so; false when it was closed already. */
    boolean remoteResolve(String id, Instant at, String reason, RemoteState remote) {
        writeRemote(id, remote);
        return jdbc.sql("update incidents set status = ?, open_key = null, resolved_at = ?, status_reason = ? "
                        + "where id = ? and open_key is not null")
                .params(IncidentStatus.RESOLVED.wireName(), SqlTime.of(at), reason, id).update() > 0;
    }

    /**
     * Opens again an incident the destination reopened, unless another incident of the same sequence was
     * opened since (a new trigger after the resolve): that one is what the destination now holds open too.
     */
    boolean remoteReopen(String id, RemoteState remote) {
        writeRemote(id, remote);
        return jdbc.sql("update incidents set status = ?, open_key = sequence_key, resolved_at = null, status_reason = null "
                        + "where id = ? and open_key is null and status = ? and not exists "
                        + "(select 1 from incidents o where o.open_key = incidents.sequence_key)")
                .params(IncidentStatus.OPEN.wireName(), id, IncidentStatus.RESOLVED.wireName()).update() > 0;
    }
}
