package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers {@code <sim>/splunk/{collector}/services/collector/…} as HEC does ({@link HecStandIn}): {@code event},
 * the bare collector path and {@code event/1.0} take events (POST), {@code ack} answers acknowledgements (POST, as
 * Splunk's Kafka connector sends it, FACTS.md §1), {@code health} its state (GET). The data channel comes from
 * {@code X-Splunk-Request-Channel} or the {@code channel} query parameter (FACTS.md §6). Anything else: 404 with
 * HEC's JSON shape, unrecorded (Splunk's own 404 body is unconfirmed).
 */
final class HecIntake implements HttpHandler {
    static final String SERVICES = "/services/collector";

    private final HecStandIn hec;

    HecIntake(HecStandIn hec) {
        this.hec = hec;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath().substring(HecStandIn.INTAKE_PREFIX.length());
            int slash = path.indexOf('/');
            String name = slash < 0 ? path : path.substring(0, slash);
            String rest = slash < 0 ? "" : path.substring(slash).replaceAll("/+$", "");
            if (!HecStandIn.isCollectorName(name) || !rest.startsWith(SERVICES)) {
                send(exchange, new HecStandIn.Answer(404, "{\"text\":\"Not found\",\"code\":404}", Map.of()));
                return;
            }
            String endpoint = rest.substring(SERVICES.length());
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String channel = channel(exchange, query);
            HecStandIn.Answer answer = switch (endpoint) {
                case "", "/event", "/event/1.0" -> "POST".equals(method)
                        ? hec.receive(name, authorization, channel, query, body) : notAllowed();
                case "/ack" -> "POST".equals(method) ? hec.ack(name, authorization, channel, query, body) : notAllowed();
                case "/health", "/health/1.0" -> "GET".equals(method) ? hec.health(name) : notAllowed();
                default -> new HecStandIn.Answer(404, "{\"text\":\"Not found\",\"code\":404}", Map.of());
            };
            send(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    private static String channel(HttpExchange exchange, String query) {
        String header = exchange.getRequestHeaders().getFirst("X-Splunk-Request-Channel");
        if (header != null || query == null) {
            return header;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("channel=")) {
                return pair.substring("channel=".length());
            }
        }
        return null;
    }

    private static HecStandIn.Answer notAllowed() {
        return new HecStandIn.Answer(405, "{\"text\":\"Method not allowed\",\"code\":405}", Map.of());
    }

    private static void send(HttpExchange exchange, HecStandIn.Answer answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
