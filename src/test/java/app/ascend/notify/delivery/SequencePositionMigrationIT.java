package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.TestDatabase;

/**
 * V6 gives deliveries already in the outbox positions that keep their order (their id order, as the
 * claim used before) and put them before every delivery inserted afterwards, on H2 and PostgreSQL.
 */
@ExtendWith(PostgresAvailableCondition.class)
class SequencePositionMigrationIT {

    @Test
    void queuedDeliveriesKeepTheirOrderAndComeBeforeNewOnes() throws SQLException {
        String url = TestDatabase.newDatabaseUrl();
        Flyway.configure().dataSource(url, TestDatabase.username(), "").locations("classpath:db/migration").target("5")
                .load().migrate();
        try (Connection db = DriverManager.getConnection(url, TestDatabase.username(), "")) {
            for (String id : new String[] { "dlv_02", "dlv_01", "dlv_03" }) {
                insert(db, id);
            }

            Flyway.configure().dataSource(url, TestDatabase.username(), "").locations("classpath:db/migration").load()
                    .migrate();
            insert(db, "dlv_00"); // after the migration, with an id that sorts first
            insert(db, "dlv_04");

            Map<String, Long> positions = new LinkedHashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select id, seq_position from deliveries order by seq_position")) {
                while (rs.next()) {
                    positions.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertThat(positions.keySet()).containsExactly("dlv_01", "dlv_02", "dlv_03", "dlv_00", "dlv_04");
            assertThat(positions.get("dlv_03")).as("old rows before the sequence's first value").isNegative();
            assertThat(positions.get("dlv_00")).isPositive();
        }
    }

    private static void insert(Connection db, String id) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = db.prepareStatement("insert into deliveries (id, org_id, channel_id, channel_type, "
                + "kind, sequence_key, dedup_key, destination_sealed, destination_masked, priority, payload, status, "
                + "created_at, retry_from, next_attempt_at) values (?, 'org_1', 'chan_1', 'pagerduty', 'trigger', 'seq', "
                + "'ascend-act_1', 'sealed', '****abcd', 1, '{}', 'pending', ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.executeUpdate();
        }
    }
}
