package app.ascend.notify.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.PageParams;

/** The inbound webhooks each channel received; one row per (channel, delivery id). */
@Repository
class ReceivedWebhookRepository {
    private final JdbcClient jdbc;

    ReceivedWebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a delivery unless the channel has one with its delivery id (a retry or a replay): false then.
     * The unique index makes this hold for concurrent retries and several instances: the second waits
     * for the first's transaction and then inserts nothing.
     */
    boolean insertIfNew(String organizationId, ReceivedWebhook webhook) {
        return jdbc.sql("insert into inbound_webhooks (id, org_id, channel_id, channel_type, delivery_id, event_type, "
                        + "occurred_at, received_at, incident_key, incident_id, outcome, detail, body) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(webhook.id(), organizationId, webhook.channelId(), webhook.channelType(), webhook.deliveryId(),
                        webhook.eventType(), SqlTime.of(webhook.occurredAt()), SqlTime.of(webhook.receivedAt()),
                        webhook.incidentKey(), webhook.incidentId(), webhook.outcome(), webhook.detail(), webhook.body())
                .update() > 0;
    }

    void recordOutcome(String id, String incidentId, String outcome, String detail) {
        jdbc.sql("update inbound_webhooks set incident_id = ?, outcome = ?, detail = ? where id = ?")
                .params(incidentId, outcome, detail, id).update();
    }

    /** A page of a channel's received webhooks, newest first; {@code outcome} (may be null) narrows it. */
    List<ReceivedWebhook> page(String organizationId, String channelId, String outcome, PageParams page) {
        return jdbc.sql("select * from inbound_webhooks where org_id = ? and channel_id = ? and id < ? "
                        + "and (cast(? as varchar) is null or outcome = ?) order by id desc limit ?")
                .params(organizationId, channelId, page.before(), outcome, outcome, page.fetchSize())
                .query(this::map).list();
    }

    private ReceivedWebhook map(ResultSet rs, int row) throws SQLException {
        return new ReceivedWebhook(rs.getString("id"), rs.getString("channel_id"), rs.getString("channel_type"),
                rs.getString("delivery_id"), rs.getString("event_type"), SqlTime.read(rs, "occurred_at"),
                SqlTime.read(rs, "received_at"), rs.getString("incident_key"), rs.getString("incident_id"),
                rs.getString("outcome"), rs.getString("detail"), rs.getString("body"));
    }
}
