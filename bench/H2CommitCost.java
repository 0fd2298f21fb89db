import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * What one durable commit costs H2 as a function of how many B-tree maps it changes: one thread inserts one row
 * per transaction (a 1.5 KiB JSON-like text, as an event or a delivery carries) into a table with a VARCHAR
 * primary key and {@code n} secondary indexes, in an H2 file opened with the service's URL settings
 * ({@code WRITE_DELAY=0}: each commit written to the file before it returns), after filling the table so its
 * trees are as deep as a day's data makes them. Prints the process's CPU per commit for each {@code n}.
 *
 * <p>A VARCHAR primary key costs H2 two maps (its rows keyed by a hidden row id, and the key's own index), so a
 * table with {@code n} secondary indexes changes {@code n + 2} maps per insert. The service's ingest commit of one
 * event changes 23 (events 7, deliveries 9, incidents 7), and recording its answer 6 more.
 *
 * <p>The second table prints what the same rows cost when each commit holds several of them ({@code rows/commit}),
 * as a design that wrote the tables in batches behind a one-map journal would: what an event's share of such a
 * commit costs, by how many events it gathers.
 *
 * <p>{@code java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/H2CommitCost.java [rows]}
 */
public class H2CommitCost {
    private static final int MEASURED = 4_000;
    private static final String BODY = "{\"x\":\"" + "a".repeat(1500) + "\"}";
    /** Scattered indexes: every other one (the first table's rows). */
    private static final int HALF = -1;

    public static void main(String[] args) throws Exception {
        int fill = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        // A pass that warms the JIT up, not printed.
        for (int[] warm : new int[][] { { 0, 1, HALF }, { 4, 1, HALF }, { 21, 1, HALF }, { 21, 20, 5 } }) {
            cpuMicrosPerRow(fill, warm[0], warm[1], warm[2]);
        }
        System.out.println("indexes  maps/commit  CPU us/commit  (one row per commit, " + fill + " rows before)");
        for (int n : new int[] { 0, 2, 4, 8, 12, 16, 21 }) {
            System.out.printf(Locale.ROOT, "%7d  %11d  %13.0f%n", n, n + 2, cpuMicrosPerRow(fill, n, 1, HALF));
        }
        System.out.println("\nindexes  scattered  rows/commit  CPU us/row  (the same rows, several per commit)");
        for (int[] run : new int[][] { { 10, 1 }, { 10, 5 }, { 10, 20 }, { 10, 100 }, { 5, 1 }, { 5, 20 }, { 5, 100 } }) {
            int scattered = run[0] == 10 ? HALF : run[0];
            System.out.printf(Locale.ROOT, "%7d  %9d  %11d  %10.0f%n", 21, run[0], run[1],
                    cpuMicrosPerRow(fill, 21, run[1], scattered));
        }
    }

    /**
     * The process's CPU per measured row: a fresh H2 file, a table with {@code n} secondary indexes of which
     * {@code scattered} take scattered keys ({@link #HALF}: every other one), {@code fill} rows committed in
     * batches, then {@link #MEASURED} rows committed {@code perCommit} at a time.
     */
    static double cpuMicrosPerRow(int fill, int n, int perCommit, int scattered) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("h2commit");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;PAGE_SIZE=4096";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            StringBuilder ddl = new StringBuilder("create table t (id varchar(40) primary key, body varchar(100000)");
            for (int i = 0; i < n; i++) {
                ddl.append(", k").append(i).append(" varchar(60)");
            }
            try (Statement s = c.createStatement()) {
                s.execute(ddl.append(")").toString());
                for (int i = 0; i < n; i++) {
                    s.execute("create index t_k" + i + " on t (k" + i + ", id)");
                }
            }
            StringBuilder insert = new StringBuilder("insert into t values (?, ?");
            insert.append(", ?".repeat(n)).append(")");
            c.setAutoCommit(false);
            long start = 0;
            try (PreparedStatement p = c.prepareStatement(insert.toString())) {
                for (int i = 0; i < fill + MEASURED; i++) {
                    if (i == fill) {
                        c.commit();
                        start = os.getProcessCpuTime();
                    }
                    p.setString(1, "evt_" + String.format("%010d", i) + UUID.randomUUID().toString().substring(0, 16));
                    p.setString(2, BODY);
                    for (int k = 0; k < n; k++) {
                        // Index keys as the service's are: few distinct leading values (an organization, then a
                        // growing id: the insert lands at one of a few edges of the tree) or scattered ones (an
                        // action's key, a sequence: anywhere inside it). The service's one-event record has about
                        // 5 scattered indexes of its 17 (events_action, events_dedup, deliveries_sequence,
                        // incidents_open, incidents_dedup).
                        boolean scatteredKey = scattered == HALF ? k % 2 == 1 : k < scattered;
                        p.setString(3 + k, scatteredKey ? UUID.randomUUID().toString() : "org_01jd8x3k9q" + (i % 7));
                    }
                    p.executeUpdate();
                    if (i >= fill ? (i - fill) % perCommit == perCommit - 1 : i % 500 == 499) {
                        c.commit(); // the fill commits in batches; the measured rows perCommit at a time
                    }
                }
            }
            return (os.getProcessCpuTime() - start) / 1000.0 / MEASURED;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
