package app.ascend.notify.retention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.ascend.notify.db.InList;

/**
 * Deletes rows a batch at a time, each batch in its own short transaction: pick up to {@code batchSize}
 * keys with {@code FOR UPDATE SKIP LOCKED} (a row another transaction holds is left for the next sweep,
 * so the sweep never waits on ingest or the dispatcher, nor they on it for long), then delete by those
 * keys. Repeats until a batch comes back short.
 */
@Component
class BatchDeleter {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BatchDeleter(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A delete of the picked keys: {@code sql} has one {@code %s} where the {@code ?} list of the keys
     * goes, followed by {@code trailingParams}.
     */
    record Delete(String sql, Object... trailingParams) {
    }

    /**
     * Runs until nothing is left to pick. {@code pick} selects the key column, with its parameters, and
     * gets {@code limit ? for update skip locked} appended. Answers the rows each delete removed.
     */
    int[] drain(int batchSize, String pick, List<Object> pickParams, Delete... deletes) {
        int[] totals = new int[deletes.length];
        int picked;
        do {
            int[] counts = transactions.execute(tx -> batch(batchSize, pick, pickParams, deletes));
            picked = counts[deletes.length];
            for (int i = 0; i < deletes.length; i++) {
                totals[i] += counts[i];
            }
        } while (picked == batchSize);
        return totals;
    }

    /** One batch; the last element is how many keys were picked. */
    private int[] batch(int batchSize, String pick, List<Object> pickParams, Delete[] deletes) {
        List<Object> params = new ArrayList<>(pickParams);
        params.add(batchSize);
        List<String> keys = jdbc.sql(pick + " limit ? for update skip locked").params(params).query(String.class).list();
        int[] counts = new int[deletes.length + 1];
        counts[deletes.length] = keys.size();
        if (keys.isEmpty()) {
            return counts;
        }
        InList in = InList.of(keys);
        for (int i = 0; i < deletes.length; i++) {
            List<Object> deleteParams = new ArrayList<Object>(in.params());
            deleteParams.addAll(Arrays.asList(deletes[i].trailingParams()));
            counts[i] = jdbc.sql(deletes[i].sql().formatted(in.placeholders())).params(deleteParams).update();
        }
        return counts;
    }
}
