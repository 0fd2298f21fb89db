package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers {@code POST /teams/workflows/{flow}} as a Workflows webhook trigger does ({@link TeamsWorkflows#receive}).
 * Paths with no valid flow name answer 404 and other methods 405, both unrecorded (Power Automate's own answers
 * to these are unconfirmed; the error shape is Logic Apps' {@code {"error":{"code","message"}}}).
 */
final class TeamsIntake implements HttpHandler {

    static final String PREFIX = "/teams/workflows/";

    private final TeamsWorkflows workflows;

    TeamsIntake(TeamsWorkflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (!TeamsWorkflows.isFlowName(name)) {
                send(exchange, new TeamsWorkflows.Answer(404, error("WorkflowNotFound",
                        "No such flow: names are 1 to 64 of A-Z a-z 0-9 _ -"), Map.of(), 0));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, new TeamsWorkflows.Answer(405, error("MethodNotAllowed",
                        "The trigger is called with POST"), Map.of(), 0));
                return;
            }
            TeamsWorkflows.Answer answer = workflows.receive(name, body);
            pause(answer.delayMillis());
            send(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private static void send(HttpExchange exchange, TeamsWorkflows.Answer answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }
}
