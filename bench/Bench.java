import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: ASCEND Notify (H2 and PostgreSQL), Prometheus Alertmanager and the floor (bench/Floor.java, a
 * relay that answers 202 and forwards) driven by the same open-loop load, all delivering to the same PagerDuty
 * simulator, each in its own process. The Java targets start with the README's {@code @jvm.options} by default.
 *
 * <p>Open loop: request i is due at {@code start + i / rate} whatever happened to earlier ones, and its
 * latency counts from that due time (so a stalled server cannot slow the load down and hide its own
 * queueing). End-to-end latency is from the due time of the ingest request to the moment the simulator
 * received the PagerDuty trigger, both read from the wall clock of this one machine.
 *
 * <p>Run with {@code bench/run} (see docs/PERFORMANCE.md); JDK only, no dependencies.
 */
public class Bench {
    static final String ADMIN_EMAIL = "bench@ascend.local";
    static final String ADMIN_PASSWORD = "bench-password-not-secret";
    static final String[] ROUTING_KEYS = {
            "Rbench0000000000000000000000000a", "Rbench0000000000000000000000000b", "Rbench0000000000000000000000000c" };
    /** Event types rotated over, each routed to its own key by the channel's routing_rules. */
    static final String[] TYPES = { "action.blocked", "policy.violation", "anomaly.detected" };

    final Path root;
    final Path out;
    final Options options;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2, daemon("bench-http"))).build();
    final List<Row> rows = new ArrayList<>();
    /** What each target ran as (runtime, its version, JVM options), for results.md. */
    final Map<String, String> settings = new LinkedHashMap<>();
    Process simulator;
    String simUrl;

    /**
     * {@code javaOptions}: the JVM options of every Java target (the ASCEND Notify jars and the floor relay), by
     * default {@code @<root>/jvm.options}, the argfile README starts the service with. {@code java}: the runtime of
     * those targets, unless a target names its own ({@code ascend-h2@25}).
     */
    record Options(List<String> targets, List<Scenario> scenarios, int seconds, int warmupSeconds, String javaOptions,
            String java, Path baselineJar, boolean keep) {
    }

    /** A target of the run: {@code ascend-h2}, or {@code ascend-h2@25} for the same on another runtime. */
    record TargetSpec(String name, String kind, String java, boolean hec) {
        /** {@code ascend-h2+hec}: the same target with a Splunk HEC channel beside the PagerDuty one. */
        static TargetSpec parse(String name, String defaultJava) {
            int at = name.indexOf('@');
            String kind = at < 0 ? name : name.substring(0, at);
            boolean hec = kind.endsWith("+hec");
            kind = hec ? kind.substring(0, kind.length() - "+hec".length()) : kind;
            return new TargetSpec(name, kind, at < 0 ? defaultJava : resolveJava(name.substring(at + 1)), hec);
        }
    }

    /** What a Splunk HEC channel beside PagerDuty took in one run: events, repeats, and events a second. */
    record HecRow(long delivered, long duplicates, double deliveredPerSecond, long requests) {
    }

    record Scenario(String mode, int rate) {
        int batch() {
            return mode.equals("batch") ? 100 : 1;
        }

        String label() {
            return (mode.equals("batch") ? "batch-100" : "single") + " @ " + rate + "/s";
        }
    }

    record Row(String target, Scenario scenario, long offered, long accepted, long refused, long delivered, long lost,
            long duplicates, double ingestSeconds, double deliveredPerSecond, long[] latencyMicros, double cpuSeconds,
            long peakRssKib, long maxSendLagMicros, String note, HecRow hec, double dbCpuSeconds) {
        double cpuMillisPerEvent() {
            return accepted == 0 ? Double.NaN : cpuSeconds * 1000 / accepted;
        }

        /** PostgreSQL's CPU per event (every process of the server), NaN for a target without it. */
        double dbCpuMillisPerEvent() {
            return accepted == 0 || Double.isNaN(dbCpuSeconds) ? Double.NaN : dbCpuSeconds * 1000 / accepted;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Path root = Path.of("").toAbsolutePath();
        Path out = root.resolve("target/bench/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(out);
        Bench bench = new Bench(root, out, options);
        try {
            bench.run();
        } finally {
            bench.stopSimulator();
        }
        System.exit(0);
    }

    Bench(Path root, Path out, Options options) {
        this.root = root;
        this.out = out;
        this.options = options;
    }

    static Options parse(String[] args) {
        // The issue's rates (performance issue, "Done when") and the floor beside them.
        List<String> targets = List.of("ascend-h2", "ascend-postgres", "alertmanager", "floor");
        String scenarios = "single:200,single:1000,single:3000,batch:20000";
        int seconds = 20;
        // 120 s: after 80 s (the earlier default's 60 s + 20 s of batches) C2 was still compiling the hot path and its
        // CPU was counted in the first runs (docs/PERFORMANCE.md, issue 12's second session).
        int warmup = 120;
        String javaOptions = System.getenv().getOrDefault("BENCH_JAVA_OPTS",
                "@" + Path.of("jvm.options").toAbsolutePath());
        String java = System.getenv().getOrDefault("BENCH_JAVA", javaBin());
        boolean keep = false;
        Path baselineJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--targets" -> targets = List.of(args[++i].split(","));
                case "--scenarios" -> scenarios = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--java-options" -> javaOptions = args[++i];
                case "--java" -> java = args[++i];
                case "--keep" -> keep = true;
                case "--baseline-jar" -> baselineJar = Path.of(args[++i]).toAbsolutePath();
                case "--quick" -> {
                    scenarios = "single:200,single:1000,batch:5000";
                    seconds = 5;
                    warmup = 10;
                }
                default -> {
                    boolean help = args[i].equals("--help") || args[i].equals("-h");
                    (help ? System.out : System.err).println("""
                            usage: bench/run [--targets ascend-h2,ascend-postgres,alertmanager,floor]
                                             [--scenarios single:200,single:1000,single:3000,batch:20000]
                                             [--seconds 20] [--warmup 120] [--quick] [--keep]
                                             [--java-options '-Xmx256m ...'] (default @jvm.options; env BENCH_JAVA_OPTS)
                                             [--java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java] (env BENCH_JAVA)
                                             [--baseline-jar an-earlier/ascend-notify.jar] (the baseline-* targets run it)
                              targets: ascend-h2, ascend-postgres, baseline-h2, baseline-postgres (ASCEND Notify),
                                       alertmanager (Prometheus Alertmanager, in memory),
                                       floor (a relay that answers 202 at once and forwards each event to the simulator),
                                       floor-postgres (the same, after one INSERT and commit per request in PostgreSQL);
                                       floor-h2 (the same in an embedded H2 file, with the service's durable URL settings);
                                       a Java target may name its runtime: ascend-h2@25 (a JDK under /usr/lib/jvm)
                                       or ascend-h2@/path/to/bin/java; the defaults are the ones above;
                                       ascend-h2+hec (or ascend-postgres+hec) adds a Splunk HEC channel beside
                                       PagerDuty, sending every event to the simulator's HEC collector too.""");
                    System.exit(help ? 0 : 2);
                }
            }
        }
        List<Scenario> list = Arrays.stream(scenarios.split(",")).map(s -> s.split(":"))
                .map(p -> new Scenario(p[0], Integer.parseInt(p[1]))).toList();
        return new Options(targets, list, seconds, warmup, javaOptions, java, baselineJar, keep);
    }

    /** {@code 25} → the {@code bin/java} of a JDK under /usr/lib/jvm whose directory names that version; or a path. */
    static String resolveJava(String runtime) {
        if (runtime.contains("/")) {
            return runtime;
        }
        Pattern version = Pattern.compile("(^|[-.])" + Pattern.quote(runtime) + "([-.]|$)");
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(dir -> version.matcher(dir.getFileName().toString()).find())
                    .map(dir -> dir.resolve("bin/java")).filter(Files::isExecutable).sorted().findFirst()
                    .map(Path::toString).orElseThrow(() -> new IllegalArgumentException("no JDK " + runtime + " under /usr/lib/jvm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path baselineJar() {
        if (options.baselineJar == null) {
            throw new IllegalArgumentException("the baseline-* targets need --baseline-jar");
        }
        return options.baselineJar;
    }

    void run() throws Exception {
        System.out.printf("benchmark %s: %d cores, %s, java %s; results in %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"), out);
        startSimulator();
        if (options.targets.stream().anyMatch(name -> name.contains("postgres"))) {
            settings.put("postgresql", productionPostgres());
        }
        for (String name : options.targets) {
            TargetSpec spec = TargetSpec.parse(name, options.java);
            String target = spec.name();
            Target t = switch (spec.kind()) {
                case "ascend-h2" -> new Ascend(this, spec, false, root.resolve("target/ascend-notify.jar"));
                case "ascend-postgres" -> new Ascend(this, spec, true, root.resolve("target/ascend-notify.jar"));
                case "baseline-h2" -> new Ascend(this, spec, false, baselineJar());
                case "baseline-postgres" -> new Ascend(this, spec, true, baselineJar());
                case "floor" -> new FloorRelay(this, spec, FloorRelay.Store.NONE);
                case "floor-postgres" -> new FloorRelay(this, spec, FloorRelay.Store.POSTGRES);
                case "floor-h2" -> new FloorRelay(this, spec, FloorRelay.Store.H2);
                case "alertmanager" -> new Alertmanager(this);
                default -> throw new IllegalArgumentException("unknown target " + target);
            };
            try {
                settings.put(target, t.settings());
                t.start();
                if (options.warmupSeconds > 0 && t.needsWarmup()) {
                    // The JIT needs tens of seconds of traffic on 2 shared cores before the service runs compiled code.
                    System.out.printf("%-16s warming up: %d s at 400/s, then %d s of batches at 2,000/s%n", target,
                            options.warmupSeconds, Math.max(1, options.warmupSeconds / 3));
                    measure(t, new Scenario("single", 400), options.warmupSeconds, "warmup");
                    measure(t, new Scenario("batch", 2000), Math.max(1, options.warmupSeconds / 3), "warmup");
                }
                for (Scenario scenario : options.scenarios) {
                    if (t.freshPerRun()) {
                        t.stop();
                        t.start();
                    }
                    // When the measured window starts, for a profiler attached by hand (perf, jcmd JFR.start).
                    System.out.printf("%-16s measuring %s from %s, pid %d%n", target, scenario.label(), Instant.now(), t.pid());
                    Row row = measure(t, scenario, options.seconds, target);
                    rows.add(row);
                    print(row);
                }
            } catch (Exception e) {
                System.out.println(target + " failed: " + e);
                e.printStackTrace();
            } finally {
                t.stop();
            }
        }
        String report = report();
        Files.writeString(out.resolve("results.md"), report);
        System.out.println();
        System.out.println(report);
    }

    // ---- One measured run

    Row measure(Target target, Scenario scenario, int seconds, String runName) throws Exception {
        post(simUrl + "/_sim/reset", "", Map.of());
        if (target.hecCollector() != null) {
            send(HttpRequest.newBuilder(URI.create(simUrl + "/_sim/splunk/" + target.hecCollector())).DELETE().build());
        }
        String run = Long.toString(System.nanoTime(), 36);
        int batch = scenario.batch();
        long requests = Math.max(1, (long) scenario.rate * seconds / batch);
        double periodNanos = 1e9 * batch / scenario.rate;
        Map<String, Long> dueAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        Map<String, Long> refusals = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        long cpuBefore = cpuTicks(target.pid());
        long dbCpuBefore = target.usesPostgres() ? postgresTicks() : 0;
        resetPeakRss(target.pid());
        long startNanos = System.nanoTime() + 50_000_000;
        long epochAnchor = epochNanos() - System.nanoTime();
        for (long r = 0; r < requests; r++) {
            long due = startNanos + (long) (r * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag.accumulateAndGet((System.nanoTime() - due) / 1000, Math::max);
            List<String> tokens = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                tokens.add("b" + run + "-" + (r * batch + b));
            }
            long dueEpoch = epochAnchor + due;
            HttpRequest request = target.request(tokens, r);
            CompletableFuture<Void> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .handle((response, error) -> {
                        if (error == null && target.accepted(response)) {
                            accepted.addAndGet(tokens.size());
                            long answered = epochAnchor + System.nanoTime();
                            tokens.forEach(token -> {
                                dueAt.put(token, dueEpoch);
                                answeredAt.put(token, answered);
                            });
                        } else {
                            refused.addAndGet(tokens.size());
                            refusals.merge(error != null ? rootCause(error).getClass().getSimpleName() : "HTTP " + response.statusCode(),
                                    (long) tokens.size(), Long::sum);
                        }
                        return null;
                    });
            inFlight.add(answer);
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double ingestSeconds = (System.nanoTime() - startNanos) / 1e9;
        // Wait for the deliveries: until every accepted event has reached the simulator, or nothing new for
        // 30 s, or 10 minutes. An accepted event not delivered by then counts as lost.
        Map<String, List<Long>> receipts = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        int seen = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            receipts = receipts(run);
            long delivered = dueAt.keySet().stream().filter(receipts::containsKey).count();
            if (delivered >= dueAt.size()) {
                break;
            }
            if (receipts.size() != seen) {
                seen = receipts.size();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(30)) {
                break;
            }
            Thread.sleep(1000); // polling the simulator from the harness, not a test wait
        }
        long cpuTicks = cpuTicks(target.pid()) - cpuBefore;
        double dbCpuSeconds = target.usesPostgres() ? (postgresTicks() - dbCpuBefore) / (double) clockTicksPerSecond()
                : Double.NaN;
        long peakRss = peakRssKib(target.pid());
        long delivered = 0;
        long duplicates = 0;
        long lastReceipt = 0;
        List<Long> latencies = new ArrayList<>();
        // Per event, for finding when a stall happened and whether the answer or the delivery waited:
        // due time (epoch ms), the 202's latency and the end-to-end latency (µs; empty if not delivered).
        StringBuilder timeline = new StringBuilder("due_epoch_ms,answer_us,delivered_us\n");
        for (Map.Entry<String, Long> sent : dueAt.entrySet()) {
            List<Long> at = receipts.get(sent.getKey());
            timeline.append(sent.getValue() / 1_000_000).append(',')
                    .append((answeredAt.get(sent.getKey()) - sent.getValue()) / 1000).append(',')
                    .append(at == null ? "" : Long.toString((at.stream().mapToLong(Long::longValue).min().orElseThrow()
                            - sent.getValue()) / 1000)).append('\n');
            if (at == null) {
                continue;
            }
            delivered++;
            duplicates += at.size() - 1;
            long first = at.stream().mapToLong(Long::longValue).min().orElseThrow();
            lastReceipt = Math.max(lastReceipt, first);
            latencies.add((first - sent.getValue()) / 1000);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (!"warmup".equals(runName)) {
            Files.writeString(out.resolve(runName + "-" + scenario.label().replaceAll("[^A-Za-z0-9]+", "-") + ".csv"), timeline);
        }
        long firstDue = epochAnchor + startNanos;
        double deliveredPerSecond = delivered == 0 ? 0 : delivered / ((lastReceipt - firstDue) / 1e9);
        String note = refusals.isEmpty() ? "" : "refused: " + refusals;
        HecRow hec = target.hecCollector() == null ? null : hecRow(target.hecCollector(), run, dueAt.keySet(), firstDue);
        return new Row(runName, scenario, requests * batch, accepted.get(), refused.get(), delivered,
                accepted.get() - delivered, duplicates, ingestSeconds, deliveredPerSecond, sorted,
                cpuTicks / (double) clockTicksPerSecond(), peakRss, maxLag.get(), note, hec, dbCpuSeconds);
    }

    /**
     * The HEC channel's share of a run: waits (as for PagerDuty) until the simulator's collector holds every
     * accepted event of the run, then counts them by token; events a second is from the first due time to the
     * last event's arrival.
     */
    HecRow hecRow(String collector, String run, java.util.Set<String> accepted, long firstDueNanos) throws Exception {
        Map<String, List<Long>> byToken = new HashMap<>();
        Pattern receivedAt = Pattern.compile("\"received_at\":\"([^\"]+)\"");
        Pattern runToken = Pattern.compile("(b" + run + "-\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        int seen = -1;
        long lastChange = System.nanoTime();
        while (true) {
            byToken.clear();
            String body = get(simUrl + "/_sim/splunk/" + collector + "/events");
            for (String one : body.split("\\{\"sequence\":")) {
                Matcher at = receivedAt.matcher(one);
                Matcher token = runToken.matcher(one);
                if (at.find() && token.find()) {
                    Instant when = Instant.parse(at.group(1));
                    byToken.computeIfAbsent(token.group(1), k -> new ArrayList<>())
                            .add(when.getEpochSecond() * 1_000_000_000L + when.getNano());
                }
            }
            long delivered = accepted.stream().filter(byToken::containsKey).count();
            if (delivered >= accepted.size() || System.nanoTime() > deadline) {
                break;
            }
            if (byToken.size() != seen) {
                seen = byToken.size();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(30)) {
                break;
            }
            Thread.sleep(1000); // polling the simulator from the harness, not a test wait
        }
        long delivered = 0;
        long duplicates = 0;
        long last = 0;
        for (String token : accepted) {
            List<Long> at = byToken.get(token);
            if (at != null) {
                delivered++;
                duplicates += at.size() - 1;
                last = Math.max(last, at.stream().mapToLong(Long::longValue).min().orElseThrow());
            }
        }
        String counts = get(simUrl + "/_sim/splunk");
        Matcher requests = Pattern.compile("\"" + collector + "\":\\{[^}]*\"requests\":(\\d+)").matcher(counts);
        return new HecRow(delivered, duplicates, delivered == 0 ? 0 : delivered / ((last - firstDueNanos) / 1e9),
                requests.find() ? Long.parseLong(requests.group(1)) : -1);
    }

    /** Accepted triggers at the simulator of this run, by token: every receipt time (more than one is a duplicate). */
    Map<String, List<Long>> receipts(String run) throws Exception {
        String tsv = get(simUrl + "/_sim/receipts");
        Map<String, List<Long>> byToken = new HashMap<>();
        Pattern token = Pattern.compile("(b" + run + "-\\d+)");
        for (String line : tsv.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells.length < 7 || !cells[2].equals("202") || !cells[3].equals("trigger")) {
                continue;
            }
            Matcher m = token.matcher(cells[5] + " " + cells[6]);
            if (m.find()) {
                byToken.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(cells[1]));
            }
        }
        return byToken;
    }

    // ---- Targets

    interface Target {
        void start() throws Exception;

        long pid();

        HttpRequest request(List<String> tokens, long sequence);

        boolean accepted(HttpResponse<String> response);

        void stop();

        /** The program, runtime and options it runs with, as results.md shows them. */
        String settings();

        /** A JVM runs interpreted code until the JIT has seen traffic; a Go binary does not. */
        default boolean needsWarmup() {
            return true;
        }

        /** The simulator's HEC collector a Splunk HEC channel of this target sends to, or null for none. */
        default String hecCollector() {
            return null;
        }

        /** Restarted before each run, when what earlier runs left in memory would weigh on the next. */
        default boolean freshPerRun() {
            return false;
        }

        /** Whether it stores in the PostgreSQL server, whose CPU is then reported beside its own. */
        default boolean usesPostgres() {
            return false;
        }
    }

    /** ASCEND Notify from target/ascend-notify.jar, on a fresh H2 file or a fresh PostgreSQL database. */
    static final class Ascend implements Target {
        @Override
        public boolean usesPostgres() {
            return postgres;
        }

        final Bench bench;
        final TargetSpec spec;
        final boolean postgres;
        final Path jar;
        Process process;
        String url;
        String apiKey;

        Ascend(Bench bench, TargetSpec spec, boolean postgres, Path jar) {
            this.bench = bench;
            this.spec = spec;
            this.postgres = postgres;
            this.jar = jar;
        }

        public String settings() {
            return bench.javaSettings(spec, "`" + bench.root.relativize(jar.toAbsolutePath()) + "`");
        }

        public void start() throws Exception {
            int port = freePort();
            url = "http://127.0.0.1:" + port;
            Path data = bench.out.resolve(spec.name().replace('/', '_') + "-data-" + Integer.toHexString(jar.toString().hashCode()));
            List<String> command = bench.javaCommand(spec);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("ASCEND_DATA_DIR", data.toString());
            env.put("ASCEND_PAGERDUTY_URL", bench.simUrl);
            env.put("ASCEND_PAGERDUTY_RATE_LIMIT", "0");
            env.put("ASCEND_PUBLIC_URL", url);
            env.put("ASCEND_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ASCEND_ADMIN_PASSWORD", ADMIN_PASSWORD);
            if (spec.hec()) {
                env.put("ASCEND_OUTBOUND_ALLOW", "127.0.0.1"); // the simulator's HEC collector is on loopback
            }
            if (postgres) {
                String db = System.getenv().getOrDefault("BENCH_PG_DATABASE", "ascend_bench");
                freshDatabase(db);
                env.put("SPRING_DATASOURCE_URL", System.getenv().getOrDefault("BENCH_PG_URL",
                        "jdbc:postgresql://127.0.0.1:5432/" + db));
                env.put("SPRING_DATASOURCE_USERNAME", System.getenv().getOrDefault("BENCH_PG_USER", "postgres"));
            }
            builder.redirectErrorStream(true).redirectOutput(bench.out.resolve(spec.name().replace('/', '_') + ".log").toFile());
            process = builder.start();
            bench.awaitUp(url + "/actuator/health/readiness", process, "ASCEND Notify");
            HttpResponse<String> login = bench.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String channel = """
                    {"name": "Bench", "type": "pagerduty", "config": {"routing_key": "%s"},
                     "events": ["action.blocked", "policy.violation", "anomaly.detected"],
                     "routing_rules": [{"events": ["policy.violation"], "routing_key": "%s"},
                                       {"events": ["anomaly.detected"], "routing_key": "%s"}]}"""
                    .formatted(ROUTING_KEYS[0], ROUTING_KEYS[1], ROUTING_KEYS[2]);
            expect(201, bench.send(HttpRequest.newBuilder(URI.create(url + "/api/notifications/channels"))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(channel)).build()), "create channel");
            if (spec.hec()) {
                String hec = """
                        {"name": "Bench SIEM", "type": "splunk_hec",
                         "config": {"url": "%s", "token": "11111111-2222-3333-4444-555555555555", "index": "main", "sourcetype": "ascend:event"},
                         "events": ["action.blocked", "policy.violation", "anomaly.detected"]}"""
                        .formatted(bench.simUrl + "/splunk/" + hecCollector());
                expect(201, bench.send(HttpRequest.newBuilder(URI.create(url + "/api/notifications/channels"))
                        .header("Content-Type", "application/json").header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(hec)).build()), "create HEC channel");
            }
            HttpResponse<String> key = expect(201, bench.send(HttpRequest.newBuilder(URI.create(url + "/api/api-keys"))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build()), "create API key");
            Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(key.body());
            if (!m.find()) {
                throw new IllegalStateException("no key in " + key.body());
            }
            apiKey = m.group(1);
        }

        public long pid() {
            return process.pid();
        }

        public String hecCollector() {
            return spec.hec() ? "bench" : null;
        }

        public HttpRequest request(List<String> tokens, long sequence) {
            return eventsRequest(url, apiKey, tokens, sequence);
        }

        public boolean accepted(HttpResponse<String> response) {
            return response.statusCode() == 202;
        }

        public void stop() {
            stopProcess(process);
        }
    }

    /** {@code POST /api/events} as the bench sends it to ASCEND Notify and to the floor: one event, or an array. */
    static HttpRequest eventsRequest(String url, String apiKey, List<String> tokens, long sequence) {
        StringBuilder body = new StringBuilder(tokens.size() * 300);
        body.append(tokens.size() == 1 ? "" : "[");
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            String token = tokens.get(i);
            body.append("{\"type\":\"").append(TYPES[(int) ((sequence * tokens.size() + i) % TYPES.length)])
                    .append("\",\"action_id\":\"").append(token)
                    .append("\",\"agent_id\":\"customer-service-agent\",\"action_type\":\"database_query\",")
                    .append("\"resource\":\"customer_database\",\"risk_score\":92,\"risk_level\":\"critical\",")
                    .append("\"summary\":\"High-risk action blocked: database_query on customer_database\"}");
        }
        body.append(tokens.size() == 1 ? "" : "]");
        return HttpRequest.newBuilder(URI.create(url + "/api/events")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static void freshDatabase(String db) throws Exception {
        psql("drop database if exists " + db);
        psql("create database " + db);
    }

    /**
     * PostgreSQL as production runs it. A CI image may turn autovacuum off (this project's machines do, in
     * conf.d/90-ci.conf): then nothing removes the dead row versions a delivery leaves at each state change and
     * no statistics are gathered, and after a minute of load the outbox's queries slow tenfold (seen: claims
     * 17–27 ms instead of 1 ms, deliveries capped at ~190/s). Turned on for the run and reset after it.
     */
    static String productionPostgres() throws Exception {
        String autovacuum = psql("show autovacuum");
        String note = "autovacuum " + autovacuum;
        if (!"on".equals(autovacuum)) {
            psql("alter system set autovacuum = on");
            psql("select pg_reload_conf()");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    psql("alter system reset autovacuum");
                    psql("select pg_reload_conf()");
                } catch (Exception e) {
                    System.err.println("could not reset autovacuum: " + e);
                }
            }));
            note = "autovacuum on (turned on for the run: the server's configuration had it off)";
        }
        return psql("select split_part(version(), ' ', 2)") + ", " + note + ", synchronous_commit "
                + psql("show synchronous_commit") + ", shared_buffers " + psql("show shared_buffers")
                // Checkpoints decide how many full-page images a window writes (docs/PERFORMANCE.md, eighth look).
                + ", max_wal_size " + psql("show max_wal_size") + ", wal_compression " + psql("show wal_compression");
    }

    /** Runs one statement in the test database; returns its output unaligned, without headers. */
    static String psql(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-Atq", "-c", sql)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql " + sql + ": " + output);
        }
        return output;
    }

    /**
     * The floor (bench/Floor.java, its own JVM with the same runtime and options as the service): takes the same
     * {@code POST /api/events}, answers 202 at once and forwards each event to the simulator as the service's
     * PagerDuty trigger, with the bench channel's routing keys and {@code dedup_key = ascend-{action_id}}, so the
     * receipts are matched, timed and counted exactly as the service's. Its figures are what the load generator,
     * the simulator and one relay hop cost on these cores. With PostgreSQL, it first commits each request's events
     * with one INSERT and one commit into a fresh database: the floor of a durable per-request commit.
     */
    static final class FloorRelay implements Target {
        /** Where the floor commits each request before its 202: nowhere, PostgreSQL, or an embedded H2 file. */
        enum Store { NONE, POSTGRES, H2 }

        @Override
        public boolean usesPostgres() {
            return store == Store.POSTGRES;
        }

        final Bench bench;
        final TargetSpec spec;
        final Store store;
        Process process;
        String url;

        FloorRelay(Bench bench, TargetSpec spec, Store store) {
            this.bench = bench;
            this.spec = spec;
            this.store = store;
        }

        public String settings() {
            return bench.javaSettings(spec, "`bench/Floor.java`" + switch (store) {
                case NONE -> "";
                case POSTGRES -> " with " + postgresJar().getFileName();
                case H2 -> " with " + h2Jar().getFileName() + ", URL settings `" + H2_SETTINGS + "`";
            });
        }

        /*
         * The service's own H2 URL settings that decide what a commit costs (application.properties): WRITE_DELAY=0
         * writes each commit to the file before it returns, as a 202 needs; PAGE_SIZE as the service splits pages.
         */
        static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;PAGE_SIZE=4096";

        public void start() throws Exception {
            int port = freePort();
            url = "http://127.0.0.1:" + port;
            List<String> command = bench.javaCommand(spec);
            switch (store) {
                case POSTGRES -> command.addAll(List.of("-cp", postgresJar().toString()));
                case H2 -> command.addAll(List.of("-cp", h2Jar().toString()));
                case NONE -> { }
            }
            command.addAll(List.of(bench.root.resolve("bench/Floor.java").toString(), "--port", Integer.toString(port),
                    "--simulator", bench.simUrl, "--routing-keys", String.join(",", ROUTING_KEYS),
                    // The service's defaults (10 database connections, 64 delivery workers) unless tried otherwise.
                    "--handlers", System.getenv().getOrDefault("BENCH_FLOOR_HANDLERS", "10"),
                    "--senders", System.getenv().getOrDefault("BENCH_FLOOR_SENDERS", "64")));
            if (store == Store.POSTGRES) {
                String db = System.getenv().getOrDefault("BENCH_PG_FLOOR_DATABASE", "ascend_floor");
                freshDatabase(db);
                command.addAll(List.of("--jdbc", "jdbc:postgresql://127.0.0.1:5432/" + db,
                        "--jdbc-user", System.getenv().getOrDefault("BENCH_PG_USER", "postgres")));
            } else if (store == Store.H2) {
                Path dir = bench.out.resolve(spec.name().replace('/', '_') + "-data");
                Files.createDirectories(dir); // a fresh directory per run: the results directory is new
                command.addAll(List.of("--jdbc", "jdbc:h2:file:" + dir.resolve("floor") + ";" + H2_SETTINGS,
                        "--jdbc-user", "sa"));
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectErrorStream(true).redirectOutput(bench.out.resolve(spec.name().replace('/', '_') + ".log").toFile());
            process = builder.start();
            bench.awaitUp(url + "/ready", process, "the floor relay");
        }

        public long pid() {
            return process.pid();
        }

        public HttpRequest request(List<String> tokens, long sequence) {
            return eventsRequest(url, "floor-takes-any-key", tokens, sequence);
        }

        public boolean accepted(HttpResponse<String> response) {
            return response.statusCode() == 202;
        }

        public void stop() {
            stopProcess(process);
        }
    }

    /** The PostgreSQL driver the project depends on, from the local Maven repository (or BENCH_PG_JAR). */
    static Path postgresJar() {
        return newestJar("BENCH_PG_JAR", "org/postgresql/postgresql", "postgresql");
    }

    /** The H2 engine the service's build resolved (the newest in the local Maven repository). */
    static Path h2Jar() {
        return newestJar("BENCH_H2_JAR", "com/h2database/h2", "h2");
    }

    static Path newestJar(String variable, String repositoryPath, String artifact) {
        String given = System.getenv(variable);
        if (given != null) {
            return Path.of(given);
        }
        Path dir = Path.of(System.getProperty("user.home"), ".m2/repository").resolve(repositoryPath);
        try (var versions = Files.list(dir)) {
            Path newest = versions.max((a, b) -> compareVersions(a.getFileName().toString(), b.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no " + artifact + " jar in " + dir + ": run ./mvnw package"));
            return newest.resolve(artifact + "-" + newest.getFileName() + ".jar");
        } catch (IOException e) {
            throw new IllegalStateException("no " + artifact + " jar in " + dir + " (set " + variable + "): " + e);
        }
    }

    /** 42.7.13 after 42.7.9: numeric parts compared as numbers. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\D+");
        String[] y = b.split("\\D+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].isEmpty() && !y[i].isEmpty() && !x[i].equals(y[i])) {
                return Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The runtime and JVM options of a Java target; {@code @file} argfiles are passed to the launcher as they are. */
    List<String> javaCommand(TargetSpec spec) {
        List<String> command = new ArrayList<>(List.of(spec.java()));
        if (!options.javaOptions.isBlank()) {
            command.addAll(List.of(options.javaOptions.trim().split("\\s+")));
        }
        return command;
    }

    /** "program on runtime (version), options (an argfile's content spelled out)", for results.md. */
    String javaSettings(TargetSpec spec, String program) {
        StringBuilder options = new StringBuilder();
        for (String option : this.options.javaOptions.trim().split("\\s+")) {
            if (option.startsWith("@")) {
                Path file = root.relativize(Path.of(option.substring(1)).toAbsolutePath());
                options.append("`@").append(file).append("` (").append(argfile(Path.of(option.substring(1)))).append(") ");
            } else if (!option.isEmpty()) {
                options.append('`').append(option).append("` ");
            }
        }
        return String.format("%s on `%s` (%s), JVM options %s", program, spec.java(), javaVersion(spec.java()),
                options.isEmpty() ? "none" : options.toString().trim());
    }

    static String argfile(Path file) {
        try {
            return String.join(" ", Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The first line of {@code java -version}, e.g. {@code openjdk version "17.0.15" 2025-04-15}. */
    static String javaVersion(String java) {
        return firstLine(java, "-version");
    }

    static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return output.isEmpty() ? "no output" : output.lines().findFirst().orElseThrow();
        } catch (IOException | InterruptedException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /**
     * Prometheus Alertmanager (Debian's prometheus-alertmanager) with one route to a pagerduty_configs receiver
     * pointed at the simulator; every alert is its own group (group_by its unique label) and group_wait is 0 s.
     * In memory: it does not make an alert durable before answering.
     */
    static final class Alertmanager implements Target {
        final Bench bench;
        Process process;
        String url;

        Alertmanager(Bench bench) {
            this.bench = bench;
        }

        static String binary() {
            return System.getenv().getOrDefault("BENCH_ALERTMANAGER", "/usr/bin/prometheus-alertmanager");
        }

        public String settings() {
            return "`" + binary() + "` (" + (Files.isExecutable(Path.of(binary())) ? firstLine(binary(), "--version") : "not installed")
                    + "), in memory, restarted before each run";
        }

        public void start() throws Exception {
            String binary = binary();
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " not found: apt-get install prometheus-alertmanager");
            }
            int port = freePort();
            url = "http://127.0.0.1:" + port;
            Path dir = bench.out.resolve("alertmanager");
            Files.createDirectories(dir);
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, """
                    route:
                      receiver: pagerduty
                      group_by: ['bench_id']
                      group_wait: 0s
                      group_interval: %s
                      repeat_interval: 24h
                    receivers:
                      - name: pagerduty
                        pagerduty_configs:
                          - routing_key: '%s'
                            url: '%s/v2/enqueue'
                            description: '{{ .CommonLabels.bench_id }}'
                            send_resolved: false
                    """.formatted(System.getenv().getOrDefault("BENCH_AM_GROUP_INTERVAL", "1s"), ROUTING_KEYS[0], bench.simUrl));
            ProcessBuilder builder = new ProcessBuilder(binary, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn");
            builder.redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile());
            process = builder.start();
            bench.awaitUp(url + "/-/ready", process, "Alertmanager");
        }

        public long pid() {
            return process.pid();
        }

        public HttpRequest request(List<String> tokens, long sequence) {
            String startsAt = Instant.now().toString();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"labels\":{\"alertname\":\"ActionBlocked\",\"bench_id\":\"").append(tokens.get(i))
                        .append("\",\"severity\":\"critical\",\"agent_id\":\"customer-service-agent\"},")
                        .append("\"annotations\":{\"summary\":\"High-risk action blocked: database_query on customer_database\"},")
                        .append("\"startsAt\":\"").append(startsAt).append("\"}");
            }
            body.append(']');
            return HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }

        public boolean accepted(HttpResponse<String> response) {
            return response.statusCode() == 200;
        }

        public boolean needsWarmup() {
            return false;
        }

        /*
         * Every alert is its own group and stays active for resolve_timeout (5 min): without a restart, each
         * run would start with all earlier runs' groups still in memory (seen: 1.5 GiB and seconds of latency
         * at 200/s after the warm-up's alerts). ASCEND Notify keeps nothing in memory between runs.
         */
        public boolean freshPerRun() {
            return true;
        }

        public void stop() {
            stopProcess(process);
        }
    }

    // ---- The simulator

    void startSimulator() throws Exception {
        int port = freePort();
        simUrl = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx3g", "-XX:+UseParallelGC", "-jar",
                root.resolve("target/ascend-notify.jar").toString(), "pagerduty-simulator", "--port", Integer.toString(port),
                "--rate-limit", "0");
        builder.redirectErrorStream(true).redirectOutput(out.resolve("simulator.log").toFile());
        simulator = builder.start();
        awaitUp(simUrl + "/_sim/stats", simulator, "PagerDuty simulator");
    }

    void stopSimulator() {
        stopProcess(simulator);
    }

    // ---- Report

    void print(Row row) {
        long[] l = row.latencyMicros;
        System.out.printf(Locale.ROOT, "%-16s %-18s offered %7d accepted %7d delivered %7d lost %5d dupes %3d  "
                        + "p50 %s p90 %s p99 %s max %s  accepted/s %7.0f  delivered/s %7.0f  cpu %.3f ms/event  db cpu %s  rss %d MiB  lag %s %s%n",
                row.target, row.scenario.label(), row.offered, row.accepted, row.delivered, row.lost, row.duplicates,
                ms(pct(l, 50)), ms(pct(l, 90)), ms(pct(l, 99)), ms(l.length == 0 ? -1 : l[l.length - 1]),
                row.accepted / row.ingestSeconds, row.deliveredPerSecond, row.cpuMillisPerEvent(), dbCpu(row),
                row.peakRssKib / 1024, ms(row.maxSendLagMicros), row.note);
        if (row.hec != null) {
            System.out.printf(Locale.ROOT, "%-16s %-18s HEC events %7d dupes %3d  HEC events/s %7.0f  requests %d%n", row.target,
                    row.scenario.label(), row.hec.delivered(), row.hec.duplicates(), row.hec.deliveredPerSecond(), row.hec.requests());
        }
    }

    String report() {
        StringBuilder md = new StringBuilder();
        md.append("| target | load | offered | accepted | delivered | lost | dupes | p50 | p90 | p99 | max | accepted/s | delivered/s | CPU ms/event | DB CPU ms/event | peak RSS MiB | refused |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            long[] l = r.latencyMicros;
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %s | %s | %s | %s | %.0f | %.0f | %.3f | %s | %d | %s |%n",
                    r.target, r.scenario.label(), r.offered, r.accepted, r.delivered, r.lost, r.duplicates,
                    ms(pct(l, 50)), ms(pct(l, 90)), ms(pct(l, 99)), ms(l.length == 0 ? -1 : l[l.length - 1]),
                    r.accepted / r.ingestSeconds, r.deliveredPerSecond, r.cpuMillisPerEvent(), dbCpu(r), r.peakRssKib / 1024,
                    r.note.replace("refused: ", "")));
        }
        md.append("\nCPU ms/event is the measured process's own; DB CPU ms/event is the PostgreSQL server's (every one of its "
                + "processes, and the children it reaped) over the same window, for a target that stores there: both run on "
                + "the same cores.\n");
        if (rows.stream().anyMatch(r -> r.hec != null)) {
            md.append("\nThe Splunk HEC channel beside PagerDuty (`+hec` targets; every event to both): events it took, "
                    + "repeats, events a second from the first due time to the last arrival, and requests (batches):\n\n");
            md.append("| target | load | HEC events | HEC dupes | HEC events/s | HEC requests | events per request |\n|---|---|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                if (r.hec != null) {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %d | %.1f |%n", r.target, r.scenario.label(),
                            r.hec.delivered(), r.hec.duplicates(), r.hec.deliveredPerSecond(), r.hec.requests(),
                            r.hec.requests() <= 0 ? Double.NaN : r.hec.delivered() / (double) r.hec.requests()));
                }
            }
        }
        Map<String, Row> alertmanager = new LinkedHashMap<>();
        rows.stream().filter(r -> r.target.equals("alertmanager")).forEach(r -> alertmanager.put(r.scenario.label(), r));
        if (!alertmanager.isEmpty()) {
            md.append("\nRatios, each target ÷ Alertmanager at the same load. p99 and CPU/event: below 1 is ahead; "
                    + "accepted/s: above 1 is ahead, and within 1 % is \"even\" (both took what was offered); "
                    + "p50 and peak RSS without a verdict:\n\n");
            md.append("| target | load | p99 | accepted/s | CPU/event | p50 | peak RSS |\n|---|---|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                Row am = alertmanager.get(r.scenario.label());
                if (r.target.equals("alertmanager") || am == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.target, r.scenario.label(),
                        lowerIsAhead(pct(r.latencyMicros, 99), pct(am.latencyMicros, 99)),
                        higherIsAhead(r.accepted / r.ingestSeconds, am.accepted / am.ingestSeconds),
                        lowerIsAhead(r.cpuMillisPerEvent(), am.cpuMillisPerEvent()),
                        ratio(pct(r.latencyMicros, 50), pct(am.latencyMicros, 50)), ratio(r.peakRssKib, am.peakRssKib)));
            }
        }
        Map<String, Row> floors = new LinkedHashMap<>();
        rows.stream().filter(r -> r.target.startsWith("floor")).forEach(r -> floors.put(r.target + " " + r.scenario.label(), r));
        if (!floors.isEmpty()) {
            md.append("\nDistance from the floor, each target ÷ the floor at the same load (floor-postgres for a PostgreSQL "
                    + "target and floor-h2 for an H2 one when it ran, else floor; same runtime suffix when it ran): what the target costs beyond "
                    + "the load generator, the simulator and one relay hop on these cores:\n\n");
            md.append("| target | load | floor | p50 | p99 | accepted/s | CPU/event |\n|---|---|---|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                if (r.target.startsWith("floor") || r.target.equals("alertmanager")) {
                    continue;
                }
                String suffix = r.target.contains("@") ? r.target.substring(r.target.indexOf('@')) : "";
                String durable = r.target.contains("postgres") ? "floor-postgres" : "floor-h2";
                List<String> candidates = List.of(durable + suffix, durable, "floor" + suffix, "floor");
                Row floor = candidates.stream().map(c -> floors.get(c + " " + r.scenario.label()))
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (floor == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.target, r.scenario.label(),
                        floor.target, ratio(pct(r.latencyMicros, 50), pct(floor.latencyMicros, 50)),
                        ratio(pct(r.latencyMicros, 99), pct(floor.latencyMicros, 99)),
                        ratio(r.accepted / r.ingestSeconds, floor.accepted / floor.ingestSeconds),
                        ratio(r.cpuMillisPerEvent(), floor.cpuMillisPerEvent())));
            }
        }
        md.append(String.format(Locale.ROOT, "%nMeasured %s on %d cores (%s), %d s per run after %d s warm-up (JVM targets).%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), cpuModel(), options.seconds, options.warmupSeconds));
        md.append("Targets:\n\n");
        settings.forEach((target, how) -> md.append("- ").append(target).append(": ").append(how).append('\n'));
        md.append("- simulator: `target/ascend-notify.jar pagerduty-simulator --rate-limit 0` on `").append(javaBin())
                .append("` (").append(System.getProperty("java.version")).append("), `-Xmx3g -XX:+UseParallelGC`\n");
        return md.toString();
    }

    /** "0.42 ahead": the target's figure ÷ Alertmanager's, where less is better (latency, CPU). */
    static String lowerIsAhead(double target, double alertmanager) {
        String r = ratio(target, alertmanager);
        return r.equals("–") ? r : r + (target < alertmanager ? " ahead" : target > alertmanager ? " behind" : " even");
    }

    /** "1.35 ahead": the target's figure ÷ Alertmanager's, where more is better (capacity); 1 % either way is even. */
    static String higherIsAhead(double target, double alertmanager) {
        String r = ratio(target, alertmanager);
        if (r.equals("–")) {
            return r;
        }
        double q = target / alertmanager;
        return r + (q > 1.01 ? " ahead" : q < 0.99 ? " behind" : " even");
    }

    static Throwable rootCause(Throwable error) {
        while (error.getCause() != null && error.getCause() != error) {
            error = error.getCause();
        }
        return error;
    }

    static String ratio(double a, double b) {
        return a < 0 || b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(long micros) {
        if (micros < 0) {
            return "–";
        }
        return micros < 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%d ms", micros / 1000);
    }

    // ---- Processes and HTTP

    void awaitUp(String url, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see the logs in " + out);
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not come up within 120 s; see the logs in " + out);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build()).body();
    }

    void post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        send(builder.build());
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    static void stopProcess(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    // ---- /proc: CPU time and peak resident set of the measured process

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU ticks of the PostgreSQL server: utime and stime of each of its processes, and the children's each one reaped
     * (the postmaster's, for backends that ended), from /proc/[pid]/stat (proc(5), fields 14–17).
     */
    static long postgresTicks() {
        long ticks = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), path -> path.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                try {
                    if (!"postgres".equals(Files.readString(dir.resolve("comm")).strip())) {
                        continue;
                    }
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } catch (IOException gone) {
                    // the process ended while the directory was listed: its time is in its parent's children's
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    static String dbCpu(Row row) {
        double ms = row.dbCpuMillisPerEvent();
        return Double.isNaN(ms) ? "—" : String.format(Locale.ROOT, "%.3f", ms);
    }

    static long clockTicksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    /** Resets VmHWM so each run reports its own peak (proc(5), clear_refs value 5). */
    static void resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (IOException ignored) {
            // not permitted here: the peak then counts from the process start
        }
    }

    static long peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
