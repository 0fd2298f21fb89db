package app.ascend.notify.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Which database the integration tests run on: the failsafe execution sets {@code ascend.test.db} to
 * {@code h2} or {@code postgres}. PostgreSQL tests get a fresh schema per Spring context in the
 * {@code test} database on 127.0.0.1:5432 (override with {@code ASCEND_TEST_PG_URL}).
 */
public final class TestDatabase {
    public static final String PG_URL = System.getenv().getOrDefault("ASCEND_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("ASCEND_TEST_PG_USER", "postgres");

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("ascend.test.db", "h2"));
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A JDBC URL for a new, empty database (H2 in memory, or a new PostgreSQL schema). */
    public static String newDatabaseUrl() {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!isPostgres()) {
            return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        return postgresSchemaUrl(name);
    }

    /** A H2 file database in {@code dir} (for restart tests), or a new PostgreSQL schema. */
    public static String newDurableDatabaseUrl(java.nio.file.Path dir) {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!isPostgres()) {
            // WRITE_DELAY=0 and PAGE_SIZE as in application.properties: a commit is in the file when it returns.
            return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;PAGE_SIZE=4096";
        }
        return postgresSchemaUrl(name);
    }

    private static String postgresSchemaUrl(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is not reachable: " + e.getMessage(), e);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String username() {
        return isPostgres() ? PG_USER : "sa";
    }
}
