package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Teams stand-in's control routes, under {@code /_sim/teams/}:
 * <ul>
 *   <li>{@code GET /_sim/teams}: posts per flow and run status;
 *   <li>{@code GET …/{flow}/messages}: {@code {"messages":[…]}}, the cards posted; {@code GET …/{flow}/requests}:
 *       every post, with its run status and problems;
 *   <li>{@code POST …/{flow}/faults} e.g. {@code {"status":503,"count":2}}, {@code {"status":429,"retry_after":"2"}},
 *       {@code {"status":404,"count":-1}}, {@code {"status":400,"body":"…"}}, {@code {"delay_ms":3000}} (count 1
 *       unless given; -1 = until cleared); {@code GET …/faults}; {@code DELETE …/faults} clears;
 *   <li>{@code PUT …/{flow}/mode} {@code {"strict":true}}: answer a card Teams would not post with 400, not 202;
 *   <li>{@code DELETE …/{flow}}: forgets its posts, faults and mode.
 * </ul>
 * Errors answer {@code {"error":"…"}} with 400, 404 or 405.
 */
final class TeamsControl implements HttpHandler {

    static final String PREFIX = "/_sim/teams";

    private final JsonMapper json = JsonMapper.shared();
    private final TeamsWorkflows workflows;

    TeamsControl(TeamsWorkflows workflows) {
        this.workflows = workflows;
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
        String path = fullPath.substring(PREFIX.length());
        if (path.isEmpty() || path.equals("/")) {
            if (!"GET".equals(method)) {
                return notAllowed(method, fullPath);
            }
            ObjectNode counts = json.createObjectNode();
            workflows.counts().forEach((flow, byStatus) -> {
                ObjectNode node = counts.putObject(flow);
                byStatus.forEach(node::put);
            });
            return ok(json.createObjectNode().set("flows", counts));
        }
        if (!path.startsWith("/")) {
            return error(404, "No such control endpoint: " + fullPath);
        }
        path = path.substring(1);
        int slash = path.indexOf('/');
        String name = slash < 0 ? path : path.substring(0, slash);
        String resource = slash < 0 ? "" : path.substring(slash + 1);
        if (!TeamsWorkflows.isFlowName(name)) {
            return error(404, "No such flow: names are 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return switch (resource) {
            case "" -> {
                if (!"DELETE".equals(method)) {
                    yield notAllowed(method, fullPath);
                }
                workflows.forget(name);
                yield ok(json.createObjectNode().put("flow", name).put("status", "forgotten"));
            }
            case "messages" -> "GET".equals(method) ? ok(list("messages", workflows.messages(name)))
                    : notAllowed(method, fullPath);
            case "requests" -> "GET".equals(method) ? ok(list("requests", workflows.posts(name)))
                    : notAllowed(method, fullPath);
            case "mode" -> {
                if (!"PUT".equals(method)) {
                    yield notAllowed(method, fullPath);
                }
                JsonNode strict = object(body).get("strict");
                if (strict == null || !strict.isBoolean()) {
                    throw new IllegalArgumentException("'strict' must be true or false");
                }
                workflows.strict(name, strict.booleanValue());
                yield ok(json.createObjectNode().put("flow", name).put("strict", strict.booleanValue()));
            }
            case "faults" -> switch (method) {
                case "GET" -> faultView(name);
                case "POST" -> {
                    workflows.injectFault(name, fault(object(body)));
                    yield faultView(name);
                }
                case "DELETE" -> {
                    workflows.clearFaults(name);
                    yield faultView(name);
                }
                default -> notAllowed(method, fullPath);
            };
            default -> error(404, "No such control endpoint: " + fullPath);
        };
    }

    private static TeamsFault fault(JsonNode request) {
        int status = request.has("status") ? (int) integer(request, "status") : 0;
        String retryAfter = null;
        if (request.has("retry_after")) {
            JsonNode value = request.get("retry_after");
            if (!value.isString() && !value.isIntegralNumber()) {
                throw new IllegalArgumentException("'retry_after' must be a string or an integer of seconds");
            }
            retryAfter = value.isString() ? value.stringValue() : value.asString();
        }
        String body = null;
        if (request.has("body")) {
            if (!request.get("body").isString()) {
                throw new IllegalArgumentException("'body' must be a string");
            }
            body = request.get("body").stringValue();
        }
        long delayMillis = request.has("delay_ms") ? integer(request, "delay_ms") : 0;
        int count = request.has("count") ? (int) integer(request, "count") : 1;
        return new TeamsFault(status, retryAfter, body, Duration.ofMillis(delayMillis), count);
    }

    private EventResponse faultView(String name) {
        ObjectNode view = json.createObjectNode().put("flow", name);
        workflows.fault(name).ifPresentOrElse(fault -> {
            ObjectNode node = view.putObject("fault");
            node.put("status", fault.status());
            node.put("retry_after", fault.retryAfter());
            node.put("delay_ms", fault.delay().toMillis());
            node.put("count", fault.count());
        }, () -> view.putNull("fault"));
        view.put("strict", workflows.strict(name));
        return ok(view);
    }

    private ObjectNode list(String field, List<ReceivedTeamsPost> posts) {
        ObjectNode root = json.createObjectNode();
        ArrayNode items = root.putArray(field);
        for (ReceivedTeamsPost post : posts) {
            ObjectNode item = items.addObject();
            item.put("sequence", post.sequence());
            item.put("received_at", post.receivedAt().toString());
            item.put("status", post.status());
            item.put("run_status", post.runStatus());
            item.put("bytes", post.bytes());
            post.problems().forEach(item.putArray("problems")::add);
            item.set("body", post.message());
        }
        return root;
    }

    private JsonNode object(byte[] body) {
        JsonNode request = json.readTree(body);
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

    private EventResponse ok(JsonNode body) {
        return new EventResponse(200, json.writeValueAsString(body));
    }

    private EventResponse notAllowed(String method, String path) {
        return error(405, method + " is not allowed on " + path);
    }

    private EventResponse error(int status, String message) {
        return new EventResponse(status, json.writeValueAsString(json.createObjectNode().put("error", message)));
    }
}
