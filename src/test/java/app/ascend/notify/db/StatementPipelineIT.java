package app.ascend.notify.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.TestDatabase;

/**
 * Writes sent together (on PostgreSQL as one multi-statement, one round trip; on H2 and for many rows one batch per
 * statement) answer each row's update count in the order given, in the caller's transaction, and a failing one
 * rolls the others back with it.
 */
class StatementPipelineIT extends ApiTest {
    @Autowired
    StatementPipeline pipeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachRowsCountComesBackInOrderAndAConflictCountsZero() {
        String first = "probe-" + UUID.randomUUID();
        String second = "probe-" + UUID.randomUUID();
        String taken = "probe-" + UUID.randomUUID();
        jdbc.update("insert into rate_keys (key_hash) values (?)", taken);

        List<int[]> counts = transactions.execute(tx -> pipeline.run(List.of(
                insert(first),
                new StatementPipeline.Batch("update rate_keys set key_hash = key_hash where key_hash in (?, ?)",
                        List.<Object[]>of(new Object[] { taken, first }, new Object[] { "absent", "absent" })),
                insert(second, taken))));

        assertThat(counts).hasSize(3);
        assertThat(counts.get(0)).containsExactly(1);
        assertThat(counts.get(1)).containsExactly(2, 0);
        assertThat(counts.get(2)).containsExactly(1, 0);
        assertThat(stored(first, second, taken)).isEqualTo(3);
    }

    @Test
    void onlyPostgreSqlSendsThemTogether() {
        assertThat(pipeline.postgres()).isEqualTo(TestDatabase.isPostgres());
    }

    @Test
    void manyRowsGoAsOneBatchPerStatementWithTheSameCounts() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < StatementPipeline.MAX_PIPELINED_ROWS + 4; i++) {
            keys.add("probe-" + UUID.randomUUID());
        }

        List<int[]> counts = transactions.execute(tx -> pipeline.run(List.of(insert(keys.get(0)),
                insert(keys.subList(1, keys.size()).toArray(String[]::new)))));

        assertThat(counts.get(0)).containsExactly(1);
        assertThat(counts.get(1)).hasSize(keys.size() - 1).containsOnly(1);
        assertThat(stored(keys.toArray(String[]::new))).isEqualTo(keys.size());
    }

    @Test
    void aFailingStatementRollsBackTheWritesSentWithIt() {
        String kept = "probe-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> pipeline.run(List.of(insert(kept),
                new StatementPipeline.Batch("insert into rate_keys (key_hash) values (?)",
                        List.<Object[]>of(new Object[] { null }))))))
                .isInstanceOf(DataAccessException.class);

        assertThat(stored(kept)).isZero();
    }

    private static StatementPipeline.Batch insert(String... keys) {
        List<Object[]> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new Object[] { key });
        }
        return new StatementPipeline.Batch("insert into rate_keys (key_hash) values (?) on conflict do nothing", rows);
    }

    private int stored(String... keys) {
        int count = 0;
        for (String key : keys) {
            count += jdbc.queryForObject("select count(*) from rate_keys where key_hash = ?", Integer.class, key);
        }
        return count;
    }
}
