import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's floor: what the load generator, the PagerDuty simulator and one relay hop cost on the same
 * cores, with none of the service's work. It takes {@code POST /api/events} as ASCEND Notify does (one event
 * object or an array), answers 202 at once with nothing stored, and sends each event to the simulator as the
 * PagerDuty trigger the service would send: the bench channel's routing key for its type and
 * {@code dedup_key = ascend-{action_id}}, which is where the benchmark finds its token in the receipts.
 *
 * <p>With {@code --jdbc}, it first commits each request's events into PostgreSQL with one plain multi-row
 * INSERT and one commit (synchronous_commit as the server has it) on the handler's own connection, and answers
 * 202 only after that commit: the floor of a durable single-request commit. A {@code jdbc:h2:file:} URL does the
 * same in an embedded H2 file (the benchmark passes the service's {@code WRITE_DELAY=0}: each commit written to
 * the file before it returns).
 *
 * <p>It validates nothing, authenticates nothing and reads only the fields it forwards, by pattern rather than
 * a JSON parser: a floor, not a product. Started by {@code bench/Bench.java}; JDK only (plus the PostgreSQL
 * driver, or H2, on the class path for {@code --jdbc}).
 */
public class Floor {
    /** Event types in the order of the routing keys given: the bench channel's default key and its two rules. */
    static final String[] TYPES = { "action.blocked", "policy.violation", "anomaly.detected" };
    static final Pattern TYPE = stringField("type");
    static final Pattern ACTION_ID = stringField("action_id");
    static final Pattern SUMMARY = stringField("summary");
    static final Pattern AGENT_ID = stringField("agent_id");

    /** One event as received: its raw JSON text and the fields the trigger needs, still JSON-escaped. */
    record Event(String json, String type, String actionId, String summary, String agentId) {
    }

    final String simulatorUrl;
    /** The relay's own address, as the service's {@code ASCEND_PUBLIC_URL}: its links and client_url. */
    String publicUrl;
    final Map<String, String> routingKeys;
    final String jdbcUrl;
    final String jdbcUser;
    final BlockingQueue<Event> outbox = new LinkedBlockingQueue<>();
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final ThreadLocal<Connection> connection = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        int port = 0;
        String simulator = null;
        String keys = null;
        String jdbc = null;
        String user = "postgres";
        // The service's defaults: ASCEND_DB_POOL_SIZE=10 connections, ascend.delivery.workers=64.
        int handlers = 10;
        int senders = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--simulator" -> simulator = args[++i];
                case "--routing-keys" -> keys = args[++i];
                case "--jdbc" -> jdbc = args[++i];
                case "--jdbc-user" -> user = args[++i];
                case "--handlers" -> handlers = Integer.parseInt(args[++i]);
                case "--senders" -> senders = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: java bench/Floor.java --port 8080 --simulator http://127.0.0.1:9000 "
                            + "--routing-keys key0,key1,key2 [--jdbc jdbc:postgresql://... --jdbc-user postgres] "
                            + "[--handlers 10] [--senders 64]");
                    System.exit(2);
                }
            }
        }
        if (simulator == null || keys == null) {
            throw new IllegalArgumentException("--simulator and --routing-keys are required");
        }
        String[] key = keys.split(",");
        Map<String, String> routing = Map.of(TYPES[0], key[0], TYPES[1], key[1], TYPES[2], key[2]);
        new Floor(simulator, routing, jdbc, user).start(port, handlers, senders);
    }

    Floor(String simulatorUrl, Map<String, String> routingKeys, String jdbcUrl, String jdbcUser) {
        this.simulatorUrl = simulatorUrl;
        this.routingKeys = routingKeys;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
    }

    void start(int port, int handlers, int senders) throws Exception {
        if (jdbcUrl != null) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
                    Statement s = c.createStatement()) {
                s.execute(h2()
                        // The same row in H2's types: its JSON type holds a JSON value, not text to be cast.
                        ? "create table if not exists floor_event (id bigint generated by default as identity primary key, "
                                + "type varchar(40) not null, action_id varchar(300), body varchar(1000000) not null, "
                                + "received_at timestamp with time zone not null default current_timestamp)"
                        : "create table if not exists floor_event (id bigserial primary key, type text not null, "
                                + "action_id text, body jsonb not null, received_at timestamptz not null default now())");
            }
        }
        for (int i = 0; i < senders; i++) {
            Thread sender = new Thread(this::sendForever, "floor-sender-" + i);
            sender.setDaemon(true);
            sender.start();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(handlers));
        server.createContext("/api/events", this::ingest);
        server.createContext("/ready", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/stats", exchange -> answer(exchange, 200,
                "{\"forwarded\":" + forwarded.get() + ",\"failed\":" + failed.get() + ",\"queued\":" + outbox.size() + "}"));
        publicUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        server.start();
        System.out.printf("floor listening on 127.0.0.1:%d, forwarding to %s%s%n", server.getAddress().getPort(),
                simulatorUrl, jdbcUrl == null ? "" : ", committing each request to " + jdbcUrl);
    }

    void ingest(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<Event> events = events(body);
            if (events.isEmpty()) {
                answer(exchange, 400, "{\"detail\":\"no event\"}");
                return;
            }
            if (jdbcUrl != null) {
                try {
                    commit(events);
                } catch (SQLException e) {
                    closeConnection();
                    answer(exchange, 503, "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
                    return;
                }
            }
            outbox.addAll(events);
            answer(exchange, 202, "{\"accepted\":" + events.size() + "}");
        }
    }

    boolean h2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** One INSERT of all the request's events and one commit, on this handler thread's own connection. */
    void commit(List<Event> events) throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
            c.setAutoCommit(false);
            connection.set(c);
        }
        StringBuilder sql = new StringBuilder("insert into floor_event (type, action_id, body) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(h2() ? "(?, ?, ?)" : "(?, ?, ?::jsonb)");
        }
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Event e : events) {
                insert.setString(p++, e.type());
                insert.setString(p++, e.actionId());
                insert.setString(p++, e.json());
            }
            insert.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    void closeConnection() {
        Connection c = connection.get();
        connection.remove();
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // a broken connection: the next request opens a new one
        }
    }

    /** Each queued event as one trigger; a failed send is retried a few times, as a delivery would be. */
    void sendForever() {
        while (true) {
            Event event;
            try {
                event = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulatorUrl + "/v2/enqueue"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(trigger(event))).build();
            boolean sent = false;
            for (int attempt = 1; attempt <= 5 && !sent; attempt++) {
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    sent = status == 202;
                    if (!sent && status < 500 && status != 429) {
                        break; // refused for good: retrying would not change the answer
                    }
                } catch (IOException e) {
                    // connection trouble: retried below
                } catch (InterruptedException e) {
                    return;
                }
                if (!sent) {
                    try {
                        Thread.sleep(100L * attempt); // backoff between retries, not a wait for state
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            (sent ? forwarded : failed).incrementAndGet();
        }
    }

    /** The Events API v2 trigger the service renders for this event: same routing, dedup key and shape. */
    String trigger(Event e) {
        String routingKey = routingKeys.getOrDefault(e.type(), routingKeys.get(TYPES[0]));
        String actionId = e.actionId() == null ? Long.toString(System.nanoTime()) : e.actionId();
        return "{\"routing_key\":\"" + routingKey + "\",\"event_action\":\"trigger\",\"dedup_key\":\"ascend-" + actionId
                + "\",\"payload\":{\"summary\":\"" + (e.summary() == null ? e.type() : e.summary())
                + "\",\"severity\":\"critical\",\"source\":\"ascend-governance\""
                + (e.agentId() == null ? "" : ",\"component\":\"" + e.agentId() + "\"")
                + ",\"class\":\"" + e.type() + "\",\"timestamp\":\"" + Instant.now() + "\",\"custom_details\":" + e.json() + "},"
                + "\"links\":[{\"href\":\"" + publicUrl + "/actions/" + actionId + "\",\"text\":\"View in Ascend\"}],"
                + "\"client\":\"ASCEND\",\"client_url\":\"" + publicUrl + "\"}";
    }

    /** The top-level objects of the body (one object, or an array of them), each with the fields forwarded. */
    static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String json = body.substring(start, i + 1);
                String type = find(TYPE, json);
                if (type != null) {
                    events.add(new Event(json, type, find(ACTION_ID, json), find(SUMMARY, json), find(AGENT_ID, json)));
                }
            }
        }
        return events;
    }

    static Pattern stringField(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    static String find(Pattern field, String json) {
        Matcher m = field.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
