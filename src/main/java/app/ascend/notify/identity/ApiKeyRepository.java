package app.ascend.notify.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.PageParams;

@Repository
public class ApiKeyRepository {
    private static final String COLUMNS = "id, org_id, name, prefix, created_at, last_used_at";
    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key, String keyHash, String createdBy) {
        jdbc.sql("insert into api_keys (id, org_id, name, prefix, key_hash, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(key.id(), key.organizationId(), key.name(), key.prefix(), keyHash, createdBy,
                        SqlTime.of(key.createdAt()))
                .update();
    }

    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where key_hash = ?").param(keyHash).query(this::map).optional();
    }

    public Optional<ApiKey> find(String organizationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where org_id = ? and id = ?")
                .params(organizationId, id).query(this::map).optional();
    }

    public List<ApiKey> page(String organizationId, PageParams page) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where org_id = ? and id < ? order by id desc limit ?")
                .params(organizationId, page.before(), page.fetchSize()).query(this::map).list();
    }

    public boolean delete(String organizationId, String id) {
        return jdbc.sql("delete from api_keys where org_id = ? and id = ?").params(organizationId, id).update() > 0;
    }

    /** False when the key is gone. */
    public boolean touch(String id, Instant usedAt) {
        return jdbc.sql("update api_keys set last_used_at = ? where id = ?").params(SqlTime.of(usedAt), id).update() > 0;
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("org_id"), rs.getString("name"), rs.getString("prefix"),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "last_used_at"));
    }
}
