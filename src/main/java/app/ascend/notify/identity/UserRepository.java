package app.ascend.notify.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.web.PageParams;

@Repository
public class UserRepository {
    private static final String COLUMNS = "id, org_id, email, password_hash, role, system_admin, created_at";
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user) {
        jdbc.sql("insert into users (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.organizationId(), user.email(), user.passwordHash(), user.role().wireName(),
                        user.systemAdmin(), SqlTime.of(user.createdAt()))
                .update();
    }

    /** Emails are stored lower-cased; callers pass a normalized email. */
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = ?").param(email).query(this::map).optional();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public List<User> page(String organizationId, PageParams page) {
        return jdbc.sql("select " + COLUMNS + " from users where org_id = ? and id < ? order by id desc limit ?")
                .params(organizationId, page.before(), page.fetchSize())
                .query(this::map)
                .list();
    }

    private User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getString("id"), rs.getString("org_id"), rs.getString("email"),
                rs.getString("password_hash"), Role.fromWireName(rs.getString("role")).orElseThrow(),
                rs.getBoolean("system_admin"), SqlTime.read(rs, "created_at"));
    }
}
