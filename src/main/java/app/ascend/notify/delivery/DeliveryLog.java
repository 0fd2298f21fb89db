package app.ascend.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ascend.notify.db.InList;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery log as users read it: each delivery with its attempts, the payload as sent (keys
 * masked) and when it is tried next. Always within one organization.
 */
@Component
public class DeliveryLog {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ChannelTypes types;

    public DeliveryLog(JdbcClient jdbc, JsonMapper json, ChannelTypes types) {
        this.jdbc = jdbc;
        this.json = json;
        this.types = types;
    }

    /** Filters of {@code GET /api/notifications/deliveries}; null means any. */
    public record Filter(String channelId, String eventId, String status, Instant since) {
    }

    public Page<DeliveryView> page(String organizationId, Filter filter, PageParams page) {
        StringBuilder sql = new StringBuilder("select * from deliveries where org_id = ? and id < ?");
        List<Object> params = new ArrayList<>(List.of(organizationId, page.before()));
        if (filter.channelId() != null) {
            sql.append(" and channel_id = ?");
            params.add(filter.channelId());
        }
        if (filter.eventId() != null) {
            sql.append(" and event_id = ?");
            params.add(filter.eventId());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status());
        }
        if (filter.since() != null) {
            sql.append(" and created_at >= ?");
            params.add(SqlTime.of(filter.since()));
        }
        sql.append(" order by id desc limit ?");
        params.add(page.fetchSize());
        List<DeliveryView> rows = withAttempts(jdbc.sql(sql.toString()).params(params).query(this::map).list());
        return Page.of(rows, page, DeliveryView::id);
    }

    public java.util.Optional<DeliveryView> find(String organizationId, String id) {
        return jdbc.sql("select * from deliveries where org_id = ? and id = ?").params(organizationId, id)
                .query(this::map).optional().map(d -> withAttempts(List.of(d)).get(0));
    }

    /** An event's deliveries, oldest first, for the explain answer. */
    public List<DeliveryView> forEvent(String organizationId, String eventId) {
        return withAttempts(jdbc.sql("select * from deliveries where org_id = ? and event_id = ? order by id")
                .params(organizationId, eventId).query(this::map).list());
    }

    /** Deliveries by id (merged decisions point at a delivery of an earlier event). */
    public List<DeliveryView> byIds(String organizationId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of(ids);
        return withAttempts(jdbc.sql("select * from deliveries where org_id = ? and id in ("
                + in.placeholders() + ") order by id").params(in.after(organizationId))
                .query(this::map).list());
    }

    private List<DeliveryView> withAttempts(List<DeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        InList in = InList.of(deliveries.stream().map(DeliveryView::id).toList());
        jdbc.sql("select * from delivery_attempts where delivery_id in (" + in.placeholders() + ") order by id")
                .params(in.params())
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getString("delivery_id"), k -> new ArrayList<>()).add(
                            new DeliveryView.Attempt(SqlTime.read(rs, "attempted_at"), (Integer) rs.getObject("http_status"),
                                    rs.getString("outcome"), rs.getString("message"),
                                    errors(rs.getString("errors")),
                                    rs.getLong("latency_ms")));
                });
        return deliveries.stream().map(d -> d.withAttempts(attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    /**
     * The stored errors list. Rows written before lists were cut element by element (issue 10) may hold
     * a list cut mid-way, which is not JSON: shown as one line saying so, never a failed page.
     */
    private List<String> errors(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JacksonException e) {
            return List.of("[errors not readable: cut at " + stored.length() + " characters by an earlier version] "
                    + stored);
        }
    }

    private DeliveryView map(ResultSet rs, int row) throws SQLException {
        DeliveryStatus status = DeliveryStatus.fromWireName(rs.getString("status"));
        JsonNode payload = json.readTree(rs.getString("payload"));
        String masked = rs.getString("destination_masked");
        ChannelType type = types.get(rs.getString("channel_type"));
        return new DeliveryView(rs.getString("id"), rs.getString("event_id"), rs.getString("channel_id"),
                rs.getString("channel_type"), rs.getString("kind"), status.wireName(), rs.getString("dedup_key"), masked,
                type.destinationIsRoutingKey() ? masked : null, rs.getInt("attempts"), rs.getInt("merged_count"), SqlTime.read(rs, "created_at"),
                status == DeliveryStatus.PENDING ? SqlTime.read(rs, "next_attempt_at") : null,
                SqlTime.read(rs, "finished_at"), (Integer) rs.getObject("last_status"), rs.getString("last_message"),
                type.displayPayload(masked, payload), type.remoteLink(rs.getString("remote_ref")).orElse(null), List.of());
    }
}
