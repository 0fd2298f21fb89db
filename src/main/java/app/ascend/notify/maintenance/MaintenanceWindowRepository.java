package app.ascend.notify.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.channel.RoutingRevision;
import app.ascend.notify.db.InList;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.event.EventType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maintenance windows, read and written within one organization (except by id for the release job). Every write also
 * adds one to the organization's {@link RoutingRevision}, after the window's own statement and in the caller's
 * transaction when there is one, so {@link OrganizationWindows} never keeps a list older than the revision it was read
 * under.
 */
@Repository
class MaintenanceWindowRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RoutingRevision revision;

    MaintenanceWindowRepository(JdbcClient jdbc, JsonMapper json, RoutingRevision revision) {
        this.jdbc = jdbc;
        this.json = json;
        this.revision = revision;
    }

    void insert(MaintenanceWindow w) {
        jdbc.sql("insert into maintenance_windows (id, org_id, name, starts_at, ends_at, channel_ids, events, reason, "
                        + "notify_after, recurrence, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(w.id(), w.organizationId(), w.name(), SqlTime.of(w.startsAt()), SqlTime.of(w.endsAt()),
                        listJson(w.channelIds()), eventsJson(w.events()), w.reason(), w.notifyAfter(),
                        recurrenceJson(w.recurrence()), SqlTime.of(w.createdAt()), SqlTime.of(w.updatedAt()))
                .update();
        revision.changed(w.organizationId());
    }

    void update(MaintenanceWindow w) {
        jdbc.sql("update maintenance_windows set name = ?, starts_at = ?, ends_at = ?, channel_ids = ?, events = ?, "
                        + "reason = ?, notify_after = ?, recurrence = ?, updated_at = ? where org_id = ? and id = ?")
                .params(w.name(), SqlTime.of(w.startsAt()), SqlTime.of(w.endsAt()), listJson(w.channelIds()),
                        eventsJson(w.events()), w.reason(), w.notifyAfter(), recurrenceJson(w.recurrence()),
                        SqlTime.of(w.updatedAt()), w.organizationId(), w.id())
                .update();
        revision.changed(w.organizationId());
    }

    void delete(String organizationId, String id) {
        jdbc.sql("delete from maintenance_windows where org_id = ? and id = ?").params(organizationId, id).update();
        revision.changed(organizationId);
    }

    Optional<MaintenanceWindow> find(String organizationId, String id) {
        return jdbc.sql("select * from maintenance_windows where org_id = ? and id = ?").params(organizationId, id)
                .query(this::map).optional();
    }

    /** Newest first, {@code limit} rows with ids below {@code before}; only those within their period at {@code now} if asked. */
    List<MaintenanceWindow> page(String organizationId, String before, int limit, boolean withinPeriodOnly, Instant now) {
        if (withinPeriodOnly) {
            return jdbc.sql("select * from maintenance_windows where org_id = ? and id < ? and starts_at <= ? "
                            + "and (ends_at is null or ends_at > ?) order by id desc limit ?")
                    .params(organizationId, before, SqlTime.of(now), SqlTime.of(now), limit).query(this::map).list();
        }
        return jdbc.sql("select * from maintenance_windows where org_id = ? and id < ? order by id desc limit ?")
                .params(organizationId, before, limit).query(this::map).list();
    }

    /** The windows that may still mute at or after {@code at}: those whose period has not ended. */
    List<MaintenanceWindow> notEnded(String organizationId, Instant at) {
        return jdbc.sql("select * from maintenance_windows where org_id = ? and (ends_at is null or ends_at > ?) order by id")
                .params(organizationId, SqlTime.of(at)).query(this::map).list();
    }

    /** Windows by id across organizations (the release job's view); deleted ones are simply absent. */
    List<MaintenanceWindow> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of(ids);
        return jdbc.sql("select * from maintenance_windows where id in (" + in.placeholders() + ")").params(in.params())
                .query(this::map).list();
    }

    private String listJson(List<String> ids) {
        return ids == null ? null : json.writeValueAsString(ids);
    }

    private String eventsJson(List<EventType> events) {
        return events == null ? null : json.writeValueAsString(events.stream().map(EventType::wireName).toList());
    }

    private String recurrenceJson(WeeklyRecurrence r) {
        return r == null ? null : json.writeValueAsString(MaintenanceWindowViews.recurrence(r));
    }

    private WeeklyRecurrence recurrence(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = json.readTree(text);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        node.get("weekdays").forEach(day -> days.add(DayOfWeek.valueOf(day.stringValue().toUpperCase(Locale.ROOT))));
        return new WeeklyRecurrence(days, LocalTime.parse(node.get("start_time").stringValue()),
                LocalTime.parse(node.get("end_time").stringValue()), ZoneId.of(node.get("time_zone").stringValue()));
    }

    private MaintenanceWindow map(ResultSet rs, int row) throws SQLException {
        String channelIds = rs.getString("channel_ids");
        String events = rs.getString("events");
        return new MaintenanceWindow(rs.getString("id"), rs.getString("org_id"), rs.getString("name"),
                SqlTime.read(rs, "starts_at"), SqlTime.read(rs, "ends_at"),
                channelIds == null ? null : json.readValue(channelIds, new TypeReference<List<String>>() { }),
                events == null ? null : json.readValue(events, new TypeReference<List<String>>() { }).stream()
                        .map(name -> EventType.fromWireName(name).orElseThrow()).toList(),
                rs.getString("reason"), rs.getBoolean("notify_after"), recurrence(rs.getString("recurrence")),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"));
    }
}
