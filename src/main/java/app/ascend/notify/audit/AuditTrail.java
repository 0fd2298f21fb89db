package app.ascend.notify.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail. Entries are written in the transaction of the change they describe, so a change
 * without its entry (or the other way round) cannot be committed. Callers pass changes with secrets
 * already masked.
 */
@Service
public class AuditTrail {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String targetType, String targetId, Object changes) {
        record(actor.organizationId(), actor.actorId(), actor.displayName(), action, targetType, targetId, changes);
    }

    public void record(String organizationId, String actorId, String actorName, String action, String targetType,
            String targetId, Object changes) {
        jdbc.sql("insert into audit_log (id, org_id, actor_id, actor_email, action, target_type, target_id, changes, at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId("aud"), organizationId, actorId, actorName, action, targetType, targetId,
                        changes == null ? null : json.writeValueAsString(changes), SqlTime.of(clock.instant()))
                .update();
    }

    public Page<AuditEntry> page(String organizationId, String targetId, PageParams page) {
        List<AuditEntry> rows = jdbc.sql("select * from audit_log where org_id = ? and id < ? "
                + "and (cast(? as varchar) is null or target_id = ?) order by id desc limit ?")
                .params(organizationId, page.before(), targetId, targetId, page.fetchSize())
                .query(this::map).list();
        return Page.of(rows, page, AuditEntry::id);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        String changes = rs.getString("changes");
        return new AuditEntry(rs.getString("id"), rs.getString("actor_id"), rs.getString("actor_email"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                changes == null ? null : json.readTree(changes), SqlTime.read(rs, "at"));
    }
}
