package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own JSON endpoints under {@code /_sim/}, for tests and benchmarks in other processes. Not
 * recorded and not subject to faults. Errors answer {@code {"error":"…"}} with 400, 404 or 405. The webhook
 * receiver's routes under {@code /_sim/webhooks/} are {@link WebhookControl}'s.
 */
final class ControlEndpoint implements HttpHandler {

    static final String PREFIX = "/_sim/";

    private final JsonMapper json = JsonMapper.shared();
    private final ControlJson views = new ControlJson(json);
    private final WebhookJson webhookViews = new WebhookJson(json);
    private final PagerDutySimulator simulator;
    private final WebhookControl webhooks;

    ControlEndpoint(PagerDutySimulator simulator) {
        this.simulator = simulator;
        this.webhooks = new WebhookControl(json, simulator.webhooks());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals(PREFIX + "receipts")) {
                sendText(exchange, Receipts.tsv(simulator.requests()));
                return;
            }
            EventResponse response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        query(exchange.getRequestURI().getRawQuery()), body);
            } catch (IllegalArgumentException | JacksonException e) {
                response = error(400, e.getMessage());
            }
            EventIntake.send(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private EventResponse route(String method, String path, Map<String, String> query, byte[] body) {
        String name = path.substring(PREFIX.length());
        if (name.startsWith(WebhookControl.PREFIX)) {
            return webhooks.route(method, name.substring(WebhookControl.PREFIX.length()), body);
        }
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        return switch (name) {
            case "requests" -> get ? ok(views.requests(query.containsKey("since")
                    ? simulator.requestsSince(Long.parseLong(query.get("since")))
                    : simulator.requests())) : notAllowed(method, path);
            case "events" -> get ? ok(views.requests(query.containsKey("dedup_key")
                    ? simulator.eventsFor(query.get("dedup_key"))
                    : simulator.acceptedEvents())) : notAllowed(method, path);
            case "changes" -> get ? ok(views.requests(query.containsKey("routing_key")
                    ? simulator.changeEventsFor(query.get("routing_key"))
                    : simulator.changeEvents())) : notAllowed(method, path);
            case "incidents" -> get ? ok(views.incidents(query.containsKey("routing_key")
                    && query.containsKey("dedup_key")
                    ? simulator.incidentsFor(query.get("routing_key"), query.get("dedup_key"))
                    : simulator.incidents())) : notAllowed(method, path);
            case "stats" -> get ? ok(views.stats(simulator.stats())
                    .set("webhooks", webhookViews.stats(simulator.webhooks().stats()))) : notAllowed(method, path);
            case "faults" -> get ? ok(faultsView()) : post ? applyFaults(body) : notAllowed(method, path);
            case "reset" -> post ? reset() : notAllowed(method, path);
            case "subscriptions" -> get ? ok(json.valueToTree(simulator.subscriptions().subscriptions()))
                    : post ? subscribe(body) : notAllowed(method, path);
            case "subscriptions/deliveries" -> get ? ok(json.valueToTree(simulator.subscriptions().sent()))
                    : notAllowed(method, path);
            case "incidents/acknowledge", "incidents/resolve" -> post ? byHand(name.endsWith("resolve"), body)
                    : notAllowed(method, path);
            default -> error(404, "No such control endpoint: " + path);
        };
    }

    /**
     * Applies the fields present, in this order: {@code clear} (true clears all faults first), {@code latencyMs},
     * {@code failNext {count, status}}, {@code failureRate {rate, status, seed?}},
     * {@code reject {routingKey, errors}} (400 with these errors for that key; {@code []} stops it), {@code outage},
     * {@code stallBodyNext} (count), {@code rateLimit}, {@code rateLimits {routingKey: limit}}. Answers the resulting settings.
     */
    private EventResponse applyFaults(byte[] body) {
        JsonNode request = json.readTree(body);
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object");
        }
        if (request.path("clear").asBoolean(false)) {
            simulator.clearFaults();
        }
        if (request.has("latencyMs")) {
            simulator.setLatency(Duration.ofMillis(number(request, "latencyMs")));
        }
        if (request.has("failNext")) {
            JsonNode failNext = request.get("failNext");
            simulator.failNext((int) number(failNext, "count"), (int) number(failNext, "status"));
        }
        if (request.has("failureRate")) {
            JsonNode failureRate = request.get("failureRate");
            JsonNode rate = failureRate.get("rate");
            if (rate == null || !rate.isNumber()) {
                throw new IllegalArgumentException("'failureRate.rate' must be a number in 0..1");
            }
            int status = (int) number(failureRate, "status");
            Random random = failureRate.has("seed") ? new Random(number(failureRate, "seed")) : new Random();
            simulator.failRandomly(rate.asDouble(), status, random);
        }
        if (request.has("reject")) {
            JsonNode reject = request.get("reject");
            JsonNode routingKey = reject.get("routingKey");
            JsonNode errors = reject.get("errors");
            if (routingKey == null || !routingKey.isString() || errors == null || !errors.isArray()) {
                throw new IllegalArgumentException("'reject' must be {\"routingKey\": \"…\", \"errors\": [\"…\"]}");
            }
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.asString()));
            simulator.rejectRoutingKey(routingKey.stringValue(), messages);
        }
        if (request.has("outage")) {
            JsonNode outage = request.get("outage");
            if (!outage.isBoolean()) {
                throw new IllegalArgumentException("'outage' must be true or false");
            }
            simulator.setOutage(outage.asBoolean());
        }
        if (request.has("stallBodyNext")) {
            simulator.stallBodyNext((int) number(request, "stallBodyNext"));
        }
        if (request.has("rateLimit")) {
            simulator.setRateLimit((int) number(request, "rateLimit"));
        }
        if (request.has("rateLimits")) {
            for (Map.Entry<String, JsonNode> entry : request.get("rateLimits").properties()) {
                JsonNode limit = entry.getValue();
                if (!limit.isIntegralNumber()) {
                    throw new IllegalArgumentException("'rateLimits." + entry.getKey() + "' must be an integer");
                }
                simulator.setRateLimit(entry.getKey(), limit.asInt());
            }
        }
        return ok(faultsView());
    }

    /**
     * {@code {"url": "...", "secret"?: "...", "routing_key"?: "..."}}: a v3 webhook subscription (all routing keys
     * when none is named); answers it with its secret, as PagerDuty's create response does.
     */
    private EventResponse subscribe(byte[] body) {
        JsonNode request = object(body);
        String url = string(request, "url", true);
        var subscription = simulator.subscriptions().subscribe(url, string(request, "secret", false),
                string(request, "routing_key", false));
        return ok(json.valueToTree(subscription));
    }

    /**
     * {@code {"routing_key": "...", "dedup_key": "...", "agent"?: "Jane Doe", "silent"?: true}}: a responder
     * acknowledges or resolves the open incident in the web UI; its subscriptions are told, unless silent (a lost
     * webhook: only the REST API shows it). 404 when none is open.
     */
    private EventResponse byHand(boolean resolve, byte[] body) {
        JsonNode request = object(body);
        String routingKey = string(request, "routing_key", true);
        String dedupKey = string(request, "dedup_key", true);
        String agent = java.util.Objects.requireNonNullElse(string(request, "agent", false), "Simulated Responder");
        JsonNode silent = request.get("silent");
        if (silent != null && !silent.isBoolean()) {
            throw new IllegalArgumentException("'silent' must be true or false");
        }
        boolean done = simulator.changeByHand(resolve, routingKey, dedupKey, agent, silent != null && silent.asBoolean());
        if (!done) {
            return error(404, "No open incident for routing key and dedup key " + dedupKey);
        }
        return ok(json.createObjectNode().put("status", resolve ? "resolved" : "acknowledged").put("agent", agent));
    }

    private JsonNode object(byte[] body) {
        JsonNode request = json.readTree(body);
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object");
        }
        return request;
    }

    private static String string(JsonNode request, String field, boolean required) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException("'" + field + "' is required");
            }
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return node.stringValue();
    }

    private ObjectNode faultsView() {
        return views.faults(simulator.faults(), simulator.rateLimit(), simulator.rateLimits());
    }

    private EventResponse reset() {
        simulator.reset();
        return ok(json.createObjectNode().put("status", "reset"));
    }

    private static long number(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return node.asLong();
    }

    private EventResponse ok(JsonNode body) {
        return new EventResponse(200, json.writeValueAsString(body));
    }

    private EventResponse notAllowed(String method, String path) {
        return error(405, method + " is not allowed on " + path);
    }

    private EventResponse error(int status, String message) {
        return new EventResponse(status, json.writeValueAsString(json.createObjectNode().put("error", message)));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
