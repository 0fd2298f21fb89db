package app.ascend.notify.channel;

import java.sql.ResultSet;
import java.time.Instant;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.event.EventType;
import app.ascend.notify.secret.SecretBox;
import app.ascend.notify.web.PageParams;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Channels, always read and written within one organization. The type's settings are sealed at rest. Every
 * write also adds one to the organization's {@link RoutingRevision}, after the channel's own statement and in
 * the caller's transaction when there is one, so {@link RoutingChannels} never keeps a list older than the
 * revision it was read under.
 */
@Repository
public class ChannelRepository {
    private static final int MAX_CHANNELS_PER_ORGANIZATION = 1000;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecretBox secrets;
    private final ChannelTypes types;
    private final RoutingRevision revision;

    public ChannelRepository(JdbcClient jdbc, JsonMapper json, SecretBox secrets, ChannelTypes types,
            RoutingRevision revision) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
        this.types = types;
        this.revision = revision;
    }

    public void insert(Channel channel) {
        jdbc.sql("insert into channels (id, org_id, name, type, enabled, events, filters, sealed_settings, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(channel.id(), channel.organizationId(), channel.name(), channel.type(), channel.enabled(),
                        eventsJson(channel.events()), json.writeValueAsString(channel.filters()),
                        secrets.seal(json.writeValueAsString(channel.settings().toJson())), SqlTime.of(channel.createdAt()),
                        SqlTime.of(channel.updatedAt()))
                .update();
        changed(channel.organizationId());
    }

    public void update(Channel channel) {
        jdbc.sql("update channels set name = ?, enabled = ?, events = ?, filters = ?, sealed_settings = ?, updated_at = ?, "
                + "disabled_reason = ? where org_id = ? and id = ?")
                .params(channel.name(), channel.enabled(), eventsJson(channel.events()),
                        json.writeValueAsString(channel.filters()), secrets.seal(json.writeValueAsString(channel.settings().toJson())),
                        SqlTime.of(channel.updatedAt()), channel.disabledReason(), channel.organizationId(), channel.id())
                .update();
        changed(channel.organizationId());
    }

    /**
     * Disables a channel on the service's own account ({@code reason} says why, shown on the channel);
     * false when it is gone or already disabled.
     */
    public boolean disable(String organizationId, String id, String reason, Instant at) {
        boolean disabled = jdbc.sql("update channels set enabled = false, disabled_reason = ?, updated_at = ? "
                + "where org_id = ? and id = ? and enabled = true")
                .params(reason, SqlTime.of(at), organizationId, id).update() > 0;
        if (disabled) {
            changed(organizationId);
        }
        return disabled;
    }

    /** A channel by id alone, for the dispatcher that sends for every organization. */
    /** The ids of every organization's channels of these types (the periodic jobs that walk channels). */
    public List<String> idsOfTypes(java.util.Collection<String> typeNames) {
        if (typeNames.isEmpty()) {
            return List.of();
        }
        app.ascend.notify.db.InList in = app.ascend.notify.db.InList.of(List.copyOf(typeNames));
        return jdbc.sql("select id from channels where type in (" + in.placeholders() + ") order by id")
                .params(in.params()).query(String.class).list();
    }

    public Optional<Channel> findById(String id) {
        return jdbc.sql("select * from channels where id = ?").param(id).query(this::map).optional();
    }

    public boolean delete(String organizationId, String id) {
        boolean deleted = jdbc.sql("delete from channels where org_id = ? and id = ?").params(organizationId, id)
                .update() > 0;
        if (deleted) {
            changed(organizationId);
        }
        return deleted;
    }

    private void changed(String organizationId) {
        revision.changed(organizationId);
    }

    public Optional<Channel> find(String organizationId, String id) {
        return jdbc.sql("select * from channels where org_id = ? and id = ?").params(organizationId, id)
                .query(this::map).optional();
    }

    public List<Channel> page(String organizationId, PageParams page) {
        return jdbc.sql("select * from channels where org_id = ? and id < ? order by id desc limit ?")
                .params(organizationId, page.before(), page.fetchSize()).query(this::map).list();
    }

    /** All of an organization's channels, newest first (for routing and duplicate checks). */
    public List<Channel> all(String organizationId) {
        return jdbc.sql("select * from channels where org_id = ? order by id desc limit ?")
                .params(organizationId, MAX_CHANNELS_PER_ORGANIZATION).query(this::map).list();
    }

    private String eventsJson(List<EventType> events) {
        return events == null ? null : json.writeValueAsString(events.stream().map(EventType::wireName).toList());
    }

    private Channel map(ResultSet rs, int row) throws SQLException {
        String events = rs.getString("events");
        List<EventType> types = events == null ? null : json.readValue(events, new TypeReference<List<String>>() { })
                .stream().map(name -> EventType.fromWireName(name).orElseThrow()).toList();
        return new Channel(rs.getString("id"), rs.getString("org_id"), rs.getString("name"), rs.getString("type"),
                rs.getBoolean("enabled"), types, json.readValue(rs.getString("filters"), ChannelFilters.class),
                this.types.get(rs.getString("type")).parse(
                        (ObjectNode) json.readTree(secrets.openRepeated(rs.getString("sealed_settings")))),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), rs.getString("disabled_reason"));
    }
}
