package app.ascend.notify.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The placeholders and parameters of an SQL {@code in (…)} list, its length rounded up to a power of two and
 * the rest filled with repeats of the last value (an {@code in} list matches a row once, however often a
 * value repeats).
 *
 * <p>Why round: each distinct SQL text is a statement of its own, in H2's per-connection command cache
 * ({@code QUERY_CACHE_SIZE}) as in pgjdbc's server-side prepared statements. With exact lengths a connection
 * collects one statement per length a batch happened to have (1, 2, 3 … 500), and H2 2.4 walks the whole
 * expression tree of every cached query the first time a transaction changes a table
 * ({@code SessionLocal.registerTableAsUpdated} → {@code invalidateCachedResults}): a quarter of the ingest
 * writer's CPU at 200 events/s in the benchmark's profile (docs/PERFORMANCE.md). Rounded, one query has at most
 * ten shapes.
 */
public record InList(String placeholders, List<Object> params) {

    /** {@code ?, ?, …} for the values. */
    public static InList of(Collection<?> values) {
        List<Object> params = padded(values);
        return new InList(String.join(", ", Collections.nCopies(params.size(), "?")), params);
    }

    /**
     * {@code (?, ?), (?, ?), …} for the row values {@code (first, each of seconds)}: a lookup by the two columns
     * of an index, which H2 uses as a whole for row values (with {@code a = ? and b in (…)} it uses only
     * {@code a}).
     */
    public static InList pairs(Object first, Collection<?> seconds) {
        List<Object> padded = padded(seconds);
        List<Object> params = new ArrayList<>(padded.size() * 2);
        for (Object second : padded) {
            params.add(first);
            params.add(second);
        }
        return new InList(String.join(", ", Collections.nCopies(padded.size(), "(?, ?)")), params);
    }

    /** These parameters after {@code leading} ones (e.g. {@code org_id = ? and id in (…)}). */
    public List<Object> after(Object... leading) {
        List<Object> all = new ArrayList<>(leading.length + params.size());
        Collections.addAll(all, leading);
        all.addAll(params);
        return all;
    }

    static int roundedLength(int count) {
        return count <= 1 ? count : Integer.highestOneBit(count - 1) << 1;
    }

    private static List<Object> padded(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an SQL in list needs at least one value");
        }
        List<Object> params = new ArrayList<>(roundedLength(values.size()));
        params.addAll(values);
        Object last = params.get(params.size() - 1);
        while (params.size() < roundedLength(values.size())) {
            params.add(last);
        }
        return params;
    }
}
