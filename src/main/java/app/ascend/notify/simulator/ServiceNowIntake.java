package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Routes {@code /servicenow/{instance}/api/now/table/incident[/{sys_id}]} and
 * {@code /servicenow/{instance}/oauth_token.do} to the {@link ServiceNowStandIn}. An answer marked lost is cut off:
 * the headers promise a body that never comes, and the connection is closed, as when ServiceNow's answer is lost
 * after it committed the change.
 */
final class ServiceNowIntake implements HttpHandler {
    private final ServiceNowStandIn standIn;

    ServiceNowIntake(ServiceNowStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath().substring(ServiceNowStandIn.INTAKE_PREFIX.length());
            int slash = path.indexOf('/');
            String instance = slash < 0 ? path : path.substring(0, slash);
            if (slash < 0 || !ServiceNowStandIn.isInstanceName(instance)) {
                send(exchange, new ServiceNowStandIn.Answer(400, "{\"error\":{\"message\":\"Requested URI does not "
                        + "represent any resource\",\"detail\":null},\"status\":\"failure\"}", Map.of(), false));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.isEmpty() ? "" : values.get(0)));
            send(exchange, standIn.handle(instance, exchange.getRequestMethod(), path.substring(slash),
                    exchange.getRequestURI().getRawQuery(), headers, body));
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, ServiceNowStandIn.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.lose()) {
            // Promise the body, send a few bytes, close: the client sees the connection end mid-answer.
            exchange.sendResponseHeaders(answer.status(), bytes.length + 1000L);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, Math.min(5, bytes.length));
            out.flush();
            // Nothing more is written: closing the exchange unfinished ends the connection.
            return;
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
