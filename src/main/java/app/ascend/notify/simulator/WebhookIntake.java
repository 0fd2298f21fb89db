package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers {@code POST /webhooks/{endpoint}} as a Standard Webhooks receiver (see {@link WebhookInbox#receive}).
 * The raw body bytes are read first and verified as they are, never re-serialized (spec "Signature scheme";
 * shared/reference/standard-webhooks/FACTS.md §3). Paths with no valid endpoint name answer 404 and other
 * methods 405, both unrecorded. The PagerDuty side's faults, latency and rate limit do not apply here: webhook
 * faults are set per endpoint ({@link WebhookFault}).
 */
final class WebhookIntake implements HttpHandler {

    static final String PREFIX = "/webhooks/";

    private final WebhookInbox inbox;

    WebhookIntake(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (!WebhookInbox.isEndpointName(name)) {
                sendError(exchange, 404, "No such webhook endpoint: names are 1 to 64 of A-Z a-z 0-9 _ -");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendError(exchange, 405, "Webhooks are delivered with POST");
                return;
            }
            WebhookAnswer answer = inbox.receive(name, WebhookHeaders.of(exchange.getRequestHeaders()), body);
            pause(answer.delayMillis());
            send(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, WebhookAnswer answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        OutputStream out = exchange.getResponseBody();
        if (answer.stallOn() == null) {
            out.write(bytes);
            out.close();
            return;
        }
        // The headers and half the body, then nothing until released: the sender must give up by itself.
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        try {
            answer.stallOn().holdStalled(EventIntake.STALL_MAX_MILLIS);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        String body = "{\"error\":\"" + message + "\"}";
        send(exchange, new WebhookAnswer(status, body, Map.of(), 0, null));
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
