package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty's REST API v2, the part reconciliation reads: {@code GET /incidents}
 * (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents), answering from the simulator's
 * {@link IncidentBook}:
 * <ul>
 *   <li>{@code Authorization: Token token=<token>} must carry a token registered with
 *       {@code POST /_sim/rest/tokens {"token": "..."}}; otherwise 401 {@code {"error": {"message": "Unauthorized",
 *       "code": 2006}}} (the error shape of PagerDuty's REST API; the code is <b>unconfirmed</b>);</li>
 *   <li>{@code incident_key}, {@code statuses[]} (repeatable) filter; {@code date_range} is accepted and ignored
 *       (the book keeps every incident); {@code limit} (default 25, at most 100) and {@code offset} page, with
 *       {@code more} in the answer (https://developer.pagerduty.com/docs/rest-api-v2/pagination/);</li>
 *   <li>each incident: {@code id}, {@code type}, {@code incident_number}, {@code title}, {@code status},
 *       {@code incident_key}, {@code html_url}, {@code created_at}, {@code last_status_change_at},
 *       {@code last_status_change_by} (a user reference for a change by hand, else the service), oldest first.</li>
 * </ul>
 * Every request is recorded ({@code GET /_sim/rest/requests}: method, path and query, whether its token was
 * known, the status answered; the token itself never); {@code POST /_sim/rest/faults {"status": 429,
 * "count": 1, "retry_after": "2"}} makes the next requests fail. Thread-safe.
 */
public final class RestApiStandIn {
    static final String INCIDENTS_PATH = "/incidents";
    static final String CONTROL_PREFIX = "/_sim/rest";
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    /** One request as received; {@code tokenKnown} says whether its token was registered. */
    public record Request(String method, String pathAndQuery, boolean tokenKnown, int status, Instant at) {
    }

    private record Fault(int status, String retryAfter) {
    }

    private final JsonMapper json = JsonMapper.shared();
    private final Clock clock;
    private final IncidentBook book;
    private final Supplier<String> baseUrl;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    private RestApiStandIn(Clock clock, IncidentBook book, Supplier<String> baseUrl) {
        this.clock = clock;
        this.book = book;
        this.baseUrl = baseUrl;
    }

    static RestApiStandIn mount(HttpServer server, Clock clock, IncidentBook book, Supplier<String> baseUrl) {
        RestApiStandIn standIn = new RestApiStandIn(clock, book, baseUrl);
        server.createContext(INCIDENTS_PATH, standIn::serve);
        server.createContext(CONTROL_PREFIX, standIn::control);
        return standIn;
    }

    /** Registers a REST API token: requests carrying it are answered. */
    public void addToken(String token) {
        tokens.add(token);
    }

    /** Every request received, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code count} requests answer {@code status} (with {@code Retry-After} when given). */
    public void failNext(int count, int status, String retryAfter) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(status, retryAfter));
        }
    }

    void reset() {
        tokens.clear();
        requests.clear();
        faults.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean known = auth != null && auth.startsWith("Token token=") && tokens.contains(auth.substring(12));
            int status;
            if (!"GET".equals(exchange.getRequestMethod()) || !INCIDENTS_PATH.equals(exchange.getRequestURI().getPath())) {
                status = send(exchange, 404, error("Not Found", 2100));
            } else if (!known) {
                status = send(exchange, 401, error("Unauthorized", 2006));
            } else if (!faults.isEmpty()) {
                Fault fault = faults.remove(0);
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", fault.retryAfter());
                }
                status = send(exchange, fault.status(), error(fault.status() == 429 ? "Rate Limit Exceeded" : "Error",
                        fault.status() == 429 ? 2020 : 2001));
            } else {
                status = send(exchange, 200, incidents(query));
            }
            requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, known, status, clock.instant()));
        } finally {
            exchange.close();
        }
    }

    private ObjectNode incidents(String rawQuery) {
        String key = null;
        List<String> statuses = new ArrayList<>();
        int limit = DEFAULT_LIMIT;
        int offset = 0;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "incident_key" -> key = value;
                    case "statuses[]" -> statuses.add(value);
                    case "limit" -> limit = Math.max(1, Math.min(MAX_LIMIT, parse(value, DEFAULT_LIMIT)));
                    case "offset" -> offset = Math.max(0, parse(value, 0));
                    default -> { }
                }
            }
        }
        String wanted = key;
        List<SimIncident> matching = book.incidents().stream()
                .filter(incident -> wanted == null || incident.dedupKey().equals(wanted))
                .filter(incident -> statuses.isEmpty() || statuses.contains(incident.status().wireName()))
                .sorted(Comparator.comparing(SimIncident::openedAt).thenComparing(SimIncident::number))
                .toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("incidents");
        matching.stream().skip(offset).limit(limit).forEach(incident -> list.add(view(incident)));
        answer.put("limit", limit);
        answer.put("offset", offset);
        answer.putNull("total");
        answer.put("more", offset + limit < matching.size());
        return answer;
    }

    private ObjectNode view(SimIncident incident) {
        ObjectNode node = json.createObjectNode();
        String id = incident.restId();
        node.put("id", id);
        node.put("type", "incident");
        node.put("summary", "[#" + incident.number() + "] " + incident.title());
        node.put("self", baseUrl.get() + INCIDENTS_PATH + "/" + id);
        node.put("html_url", baseUrl.get() + "/incidents/" + id);
        node.put("incident_number", incident.number());
        node.put("title", incident.title());
        node.put("created_at", incident.openedAt().toString());
        node.put("status", incident.status().wireName());
        node.put("incident_key", incident.dedupKey());
        node.put("last_status_change_at", incident.lastStatusChangeAt().toString());
        ObjectNode by = node.putObject("last_status_change_by");
        if (incident.lastStatusChangeBy() != null) {
            by.put("id", "PUSER01");
            by.put("type", "user_reference");
            by.put("summary", incident.lastStatusChangeBy());
        } else {
            by.put("id", "PSIMSVC");
            by.put("type", "service_reference");
            by.put("summary", "Simulated Service");
        }
        node.put("urgency", "high");
        return node;
    }

    private void control(HttpExchange exchange) throws IOException {
        try {
            String name = exchange.getRequestURI().getPath().substring(CONTROL_PREFIX.length());
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                if ("/tokens".equals(name) && "POST".equals(method)) {
                    JsonNode request = json.readTree(body);
                    JsonNode token = request == null ? null : request.get("token");
                    if (token == null || !token.isString() || token.stringValue().isBlank()) {
                        send(exchange, 400, json.createObjectNode().put("error", "'token' must be a non-blank string"));
                        return;
                    }
                    addToken(token.stringValue());
                    send(exchange, 200, json.createObjectNode().put("status", "added"));
                } else if ("/requests".equals(name) && "GET".equals(method)) {
                    ObjectNode answer = json.createObjectNode();
                    answer.set("requests", json.valueToTree(requests()));
                    send(exchange, 200, answer);
                } else if ("/faults".equals(name) && "POST".equals(method)) {
                    JsonNode request = json.readTree(body);
                    if (request == null || !request.path("status").isIntegralNumber()) {
                        send(exchange, 400, json.createObjectNode().put("error", "'status' must be an integer"));
                        return;
                    }
                    JsonNode retryAfter = request.get("retry_after");
                    failNext(request.path("count").asInt(1), request.get("status").asInt(),
                            retryAfter != null && retryAfter.isString() ? retryAfter.stringValue() : null);
                    send(exchange, 200, json.createObjectNode().put("status", "set"));
                } else {
                    send(exchange, 404, json.createObjectNode().put("error", "No such control endpoint: " + method + " "
                            + exchange.getRequestURI().getPath()));
                }
            } catch (RuntimeException e) {
                send(exchange, 400, json.createObjectNode().put("error", String.valueOf(e.getMessage())));
            }
        } finally {
            exchange.close();
        }
    }

    private ObjectNode error(String message, int code) {
        ObjectNode answer = json.createObjectNode();
        answer.putObject("error").put("message", message).put("code", code);
        return answer;
    }

    private static int parse(String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private int send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }
}
