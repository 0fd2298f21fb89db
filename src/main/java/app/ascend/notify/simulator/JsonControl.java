package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in's control routes under one prefix ({@code /_sim/slack/}, {@code /_sim/servicenow/}): reads the body,
 * routes the rest of the path, and answers JSON — 404 for an unknown route, 400 with {@code {"error": …}} for a
 * bad body. Subclasses only route.
 */
abstract class JsonControl implements HttpHandler {
    private final String prefix;
    private final JsonMapper json;

    JsonControl(String prefix, JsonMapper json) {
        this.prefix = prefix;
        this.json = json;
    }

    /** The answer to {@code method} on the path after the prefix, or null when there is no such route. */
    abstract JsonNode route(String method, String resource, byte[] body);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        JsonNode answer;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String resource = exchange.getRequestURI().getPath().substring(prefix.length());
            answer = route(exchange.getRequestMethod(), resource, body);
            if (answer == null) {
                status = 404;
                answer = error("No such control endpoint: " + prefix + resource);
            }
        } catch (IllegalArgumentException e) {
            status = 400;
            answer = error(e.getMessage());
        } catch (RuntimeException e) {
            status = 400;
            answer = error("Body must be a JSON object: " + e.getMessage());
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } finally {
            exchange.close();
        }
    }

    JsonNode ok() {
        return json.createObjectNode().put("status", "ok");
    }

    JsonNode error(String message) {
        return json.createObjectNode().put("error", message);
    }
}
