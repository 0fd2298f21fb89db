package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HEC stand-in's control routes, under {@code /_sim/splunk/}:
 * <ul>
 *   <li>{@code GET /_sim/splunk}: events and requests per collector;
 *   <li>{@code GET …/{collector}/events}: {@code {"events":[…]}}, the events taken; {@code GET …/{collector}/requests}:
 *       every request with its answer;
 *   <li>{@code PUT …/{collector}/tokens/{token}} {@code {"disabled":false,"use_ack":true,"indexes":["ascend"]}}: sets a
 *       token (then only set tokens are known); {@code GET …/{collector}/tokens};
 *   <li>{@code POST …/{collector}/faults} e.g. {@code {"code":9,"count":2}} (busy, 503), {@code {"code":4}} (invalid
 *       token), {@code {"code":1}} (token disabled), {@code {"bad_event_at":2}}, {@code {"ack_after_polls":3}}
 *       ({@code -1}: never), {@code "retry_after"} with a code; count 1 unless given, -1 = until cleared;
 *       {@code GET …/faults}; {@code DELETE …/faults} clears;
 *   <li>{@code DELETE …/{collector}}: forgets its events, tokens and faults.
 * </ul>
 * Errors answer {@code {"error":"…"}} with 400, 404 or 405.
 */
final class HecControl implements HttpHandler {

    private final HecStandIn hec;

    HecControl(HecStandIn hec) {
        this.hec = hec;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            EventResponse response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            } catch (IllegalArgumentException | JacksonException e) {
                response = error(400, e.getMessage());
            }
            EventIntake.send(exchange, response);
        } finally {
            exchange.close();
        }
    }

    EventResponse route(String method, String fullPath, byte[] body) {
        String path = fullPath.substring(HecStandIn.CONTROL_PREFIX.length());
        if (path.isEmpty() || path.equals("/")) {
            return "GET".equals(method) ? ok(hec.counts()) : notAllowed(method, fullPath);
        }
        String[] parts = path.substring(1).split("/", -1);
        String name = parts[0];
        if (!HecStandIn.isCollectorName(name)) {
            return error(404, "No such collector: names are 1 to 64 of A-Z a-z 0-9 _ -");
        }
        String resource = parts.length > 1 ? parts[1] : "";
        return switch (resource) {
            case "" -> {
                if (!"DELETE".equals(method)) {
                    yield notAllowed(method, fullPath);
                }
                hec.forget(name);
                yield ok(HecStandIn.JSON.createObjectNode().put("collector", name).put("status", "forgotten"));
            }
            case "events" -> "GET".equals(method) ? ok(events(hec.events(name))) : notAllowed(method, fullPath);
            case "requests" -> "GET".equals(method) ? ok(requests(hec.requests(name))) : notAllowed(method, fullPath);
            case "tokens" -> {
                if (parts.length == 2) {
                    yield "GET".equals(method) ? ok(hec.tokensView(name)) : notAllowed(method, fullPath);
                }
                if (!"PUT".equals(method)) {
                    yield notAllowed(method, fullPath);
                }
                hec.setToken(name, parts[2], token(object(body)));
                yield ok(hec.tokensView(name));
            }
            case "faults" -> switch (method) {
                case "GET" -> faultView(name);
                case "POST" -> {
                    hec.injectFault(name, fault(object(body)));
                    yield faultView(name);
                }
                case "DELETE" -> {
                    hec.clearFaults(name);
                    yield faultView(name);
                }
                default -> notAllowed(method, fullPath);
            };
            default -> error(404, "No such control endpoint: " + fullPath);
        };
    }

    private static HecToken token(JsonNode request) {
        List<String> indexes = new ArrayList<>();
        JsonNode given = request.get("indexes");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new IllegalArgumentException("'indexes' must be an array of strings");
            }
            for (JsonNode index : given.values()) {
                if (!index.isString()) {
                    throw new IllegalArgumentException("'indexes' must be an array of strings");
                }
                indexes.add(index.stringValue());
            }
        }
        return new HecToken(bool(request, "disabled"), bool(request, "use_ack"), indexes);
    }

    private static boolean bool(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static HecFault fault(JsonNode request) {
        int code = request.has("code") ? (int) integer(request, "code") : -1;
        String retryAfter = null;
        if (request.has("retry_after")) {
            JsonNode value = request.get("retry_after");
            if (!value.isString() && !value.isIntegralNumber()) {
                throw new IllegalArgumentException("'retry_after' must be a string or an integer of seconds");
            }
            retryAfter = value.isString() ? value.stringValue() : value.asString();
        }
        int badEventAt = request.has("bad_event_at") ? (int) integer(request, "bad_event_at") : -1;
        int ackAfterPolls = request.has("ack_after_polls") ? (int) integer(request, "ack_after_polls") : 0;
        int count = request.has("count") ? (int) integer(request, "count") : 1;
        return new HecFault(code, retryAfter, badEventAt, ackAfterPolls, count);
    }

    private EventResponse faultView(String name) {
        ObjectNode view = HecStandIn.JSON.createObjectNode().put("collector", name);
        hec.fault(name).ifPresentOrElse(fault -> {
            ObjectNode node = view.putObject("fault");
            node.put("code", fault.code());
            node.put("retry_after", fault.retryAfter());
            node.put("bad_event_at", fault.badEventAt());
            node.put("ack_after_polls", fault.ackAfterPolls());
            node.put("count", fault.count());
        }, () -> view.putNull("fault"));
        return ok(view);
    }

    private static ObjectNode events(List<ReceivedHecEvent> events) {
        ObjectNode root = HecStandIn.JSON.createObjectNode();
        ArrayNode items = root.putArray("events");
        for (ReceivedHecEvent event : events) {
            ObjectNode item = items.addObject();
            item.put("sequence", event.sequence());
            item.put("request", event.request());
            item.put("position", event.position());
            item.put("received_at", event.receivedAt().toString());
            item.put("channel", event.channel());
            item.put("time_as_sent", event.timeText());
            item.set("body", event.envelope());
        }
        return root;
    }

    private static ObjectNode requests(List<HecRequestRecord> requests) {
        ObjectNode root = HecStandIn.JSON.createObjectNode();
        ArrayNode items = root.putArray("requests");
        for (HecRequestRecord request : requests) {
            ObjectNode item = items.addObject();
            item.put("sequence", request.sequence());
            item.put("received_at", request.receivedAt().toString());
            item.put("status", request.status());
            item.put("code", request.code());
            item.put("text", request.text());
            item.put("invalid_event_number", request.invalidEventNumber());
            item.put("ack_id", request.ackId());
            item.put("events_sent", request.eventsSent());
            item.put("events_taken", request.eventsTaken());
            item.put("channel", request.channel());
        }
        return root;
    }

    private static JsonNode object(byte[] body) {
        JsonNode request = HecStandIn.JSON.readTree(body);
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object");
        }
        return request;
    }

    private static long integer(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return node.asLong();
    }

    private static EventResponse ok(JsonNode body) {
        return new EventResponse(200, HecStandIn.JSON.writeValueAsString(body));
    }

    private static EventResponse notAllowed(String method, String path) {
        return error(405, method + " is not allowed on " + path);
    }

    private static EventResponse error(int status, String message) {
        return new EventResponse(status, HecStandIn.JSON.writeValueAsString(
                HecStandIn.JSON.createObjectNode().put("error", message)));
    }
}
