package app.ascend.notify.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Component;

/**
 * Runs several writes of one transaction together: on PostgreSQL, when they are few rows, as one multi-statement
 * prepared statement, which pgjdbc sends with a single Sync, so the database answers them all in one round trip
 * (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY: "a Sync message ... at the end
 * of each series of extended-query messages"); otherwise one JDBC batch per statement, as before. An ingest group's
 * inserts (incidents, deliveries, events) were three round trips of its six on PostgreSQL; each is a wake-up of the
 * writer and of a backend on the same two cores (docs/PERFORMANCE.md, ninth look). H2 runs in the process: no round
 * trip to save.
 *
 * <p>The statements run in the order given, in the caller's transaction; a failure of any fails the call, as a
 * batch's would, and the transaction rolls back.
 */
@Component
public class StatementPipeline {
    /* Past this many rows in all, one JDBC batch per statement: its text would be long and seldom the same twice. */
    static final int MAX_PIPELINED_ROWS = 16;
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public StatementPipeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement and its parameter rows: it runs once per row. */
    public record Batch(String sql, List<Object[]> rows) {
    }

    /** A query that follows the writes; its rows go to {@code rows}. */
    public record Query(String sql, List<Object> params, RowCallbackHandler rows) {
    }

    /** Runs the batches in order; answers each one's update counts, one per row, in the order given. */
    public List<int[]> run(List<Batch> batches) {
        return run(batches, null);
    }

    /**
     * Runs the batches in order, then {@code then} (null: none), which sees what they wrote; answers each batch's update
     * counts, one per row, in the order given.
     */
    public List<int[]> run(List<Batch> batches, Query then) {
        List<Batch> nonEmpty = batches.stream().filter(b -> !b.rows().isEmpty()).toList();
        int rows = nonEmpty.stream().mapToInt(b -> b.rows().size()).sum();
        if (nonEmpty.size() + (then == null ? 0 : 1) > 1 && rows <= MAX_PIPELINED_ROWS && postgres()) {
            return together(batches, then);
        }
        List<int[]> counts = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            counts.add(batch.rows().isEmpty() ? new int[0] : jdbc.batchUpdate(batch.sql(), batch.rows()));
        }
        if (then != null) {
            jdbc.query(then.sql(), then.rows(), then.params().toArray());
        }
        return counts;
    }

    private List<int[]> together(List<Batch> batches, Query then) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Batch batch : batches) {
            for (Object[] row : batch.rows()) {
                sql.append(batch.sql()).append(";\n");
                params.addAll(java.util.Arrays.asList(row));
            }
        }
        if (then != null) {
            sql.append(then.sql());
            params.addAll(then.params());
        }
        return jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            for (int i = 0; i < params.size(); i++) {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
            }
            ps.execute();
            List<int[]> counts = new ArrayList<>(batches.size());
            for (Batch batch : batches) {
                int[] batchCounts = new int[batch.rows().size()];
                for (int i = 0; i < batchCounts.length; i++) {
                    batchCounts[i] = nextCount(ps);
                }
                counts.add(batchCounts);
            }
            if (then != null) {
                try (ResultSet rs = ps.getResultSet()) {
                    if (rs == null) {
                        throw new IllegalStateException("a pipelined query answered no rows");
                    }
                    while (rs.next()) {
                        then.rows().processRow(rs);
                    }
                }
            }
            return counts;
        });
    }

    /** The current result's update count, then moves to the next result. */
    private static int nextCount(PreparedStatement ps) throws SQLException {
        int count = ps.getUpdateCount();
        if (count < 0) {
            throw new IllegalStateException("a pipelined statement answered no update count");
        }
        ps.getMoreResults();
        return count;
    }

    /** Whether the database is PostgreSQL (asked once), where writes are sent together. */
    boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) con -> "PostgreSQL"
                    .equalsIgnoreCase(con.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
