package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes {@code POST /slack/webhooks/{name}} and {@code POST /slack/api/{method}} to the {@link SlackStandIn}.
 * Webhook answers are plain text ({@code ok}, or an error code), Web API answers JSON (FACTS.md §2, §4).
 */
final class SlackIntake implements HttpHandler {
    static final String WEBHOOKS = SlackStandIn.INTAKE_PREFIX + "webhooks/";
    static final String API = SlackStandIn.INTAKE_PREFIX + "api/";

    private final SlackStandIn slack;

    SlackIntake(SlackStandIn slack) {
        this.slack = slack;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, new SlackStandIn.Answer(405, "method_not_allowed", null, 0), false);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (path.startsWith(WEBHOOKS) && WebhookInbox.isEndpointName(path.substring(WEBHOOKS.length()))) {
                send(exchange, slack.webhook(path.substring(WEBHOOKS.length()), contentType, body), false);
            } else if (path.startsWith(API) && path.length() > API.length()) {
                send(exchange, slack.api(path.substring(API.length()),
                        exchange.getRequestHeaders().getFirst("Authorization"), contentType, body), true);
            } else {
                send(exchange, new SlackStandIn.Answer(404, "no_service", null, 0), false);
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, SlackStandIn.Answer answer, boolean json) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json; charset=utf-8" : "text/html");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
