package app.ascend.notify.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import app.ascend.notify.support.ServiceProcess;

/**
 * A PostgreSQL cluster of this test's own (initdb into /tmp, its own port), so the test can stop and
 * start it without touching the machine's shared cluster on 5432, which other suites use at the same
 * time. Runs the server binaries as the {@code postgres} user when the test runs as root (PostgreSQL
 * refuses to run as root). Trust authentication on 127.0.0.1 only.
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.log = Path.of(dataDir + ".log");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * The directory of {@code initdb} and {@code pg_ctl}: {@code ASCEND_TEST_PG_BIN}, else the newest
     * of {@code /usr/lib/postgresql/<version>/bin} (Debian and Ubuntu), else empty.
     */
    static Optional<Path> binaries() {
        String configured = System.getenv("ASCEND_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PrivatePostgres::hasTools);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(PrivatePostgres::hasTools)
                    .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Makes a new cluster under /tmp and starts it. */
    static PrivatePostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "ascend-fault-pg-" + UUID.randomUUID().toString().substring(0, 8));
        PrivatePostgres postgres = new PrivatePostgres(bin, dataDir, ServiceProcess.freePort(), root);
        postgres.run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync"));
        postgres.startServer();
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server and waits until it accepts connections ({@code pg_ctl -w}). */
    void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w",
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops it the hard way: every backend dies at once, open connections break mid-transaction. */
    void stopImmediately() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopImmediately();
        } catch (IOException alreadyStopped) {
            // pg_ctl fails when no server runs: nothing to stop.
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(log);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(Path.of("/tmp").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed:\n" + output
                    + (Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : ""));
        }
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
