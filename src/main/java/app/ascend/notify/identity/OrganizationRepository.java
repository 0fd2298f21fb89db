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
public class OrganizationRepository {
    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organization org) {
        jdbc.sql("insert into organizations (id, name, created_at) values (?, ?, ?)")
                .params(org.id(), org.name(), SqlTime.of(org.createdAt()))
                .update();
    }

    public Optional<Organization> findById(String id) {
        return jdbc.sql("select id, name, created_at from organizations where id = ?").param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    public boolean existsByName(String name) {
        return jdbc.sql("select count(*) from organizations where name = ?").param(name).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from organizations").query(Long.class).single();
    }

    public List<Organization> page(PageParams page) {
        return jdbc.sql("select id, name, created_at from organizations where id < ? order by id desc limit ?")
                .params(page.before(), page.fetchSize())
                .query(OrganizationRepository::map)
                .list();
    }


    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getString("id"), rs.getString("name"), SqlTime.read(rs, "created_at"));
    }
}
