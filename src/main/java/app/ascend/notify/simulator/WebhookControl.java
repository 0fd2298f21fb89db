package app.ascend.notify.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook receiver's control routes, under {@code /_sim/webhooks/{endpoint}} (reached through
 * {@link ControlEndpoint}, same error shape {@code {"error":"…"}}):
 * <ul>
 *   <li>{@code PUT …/secrets} {@code {"secrets":["whsec_…"]}}: the accepted secrets ({@code []}: no verification);
 *   <li>{@code GET …/messages}: {@code {"messages":[…]}}, requests answered 2xx; {@code GET …/requests}:
 *       {@code {"requests":[…]}}, every request;
 *   <li>{@code POST …/faults} e.g. {@code {"status":503,"count":2}}, {@code {"status":429,"count":1,
 *       "retry_after":"2"}}, {@code {"status":410,"count":-1}}, {@code {"delay_ms":3000}},
 *       {@code {"stall_body":true}}, {@code {"redirect_to":"http://…"}} (count 1 unless given; -1 = until
 *       cleared); {@code GET …/faults}; {@code DELETE …/faults} clears;
 *   <li>{@code DELETE /_sim/webhooks/{endpoint}}: forgets its records, secrets and faults.
 * </ul>
 * Answers name no secret, only how many there are.
 */
final class WebhookControl {

    static final String PREFIX = "webhooks/";

    private final JsonMapper json;
    private final WebhookJson views;
    private final WebhookInbox inbox;

    WebhookControl(JsonMapper json, WebhookInbox inbox) {
        this.json = json;
        this.views = new WebhookJson(json);
        this.inbox = inbox;
    }

    /** {@code path} is what follows {@code /_sim/webhooks/}. */
    EventResponse route(String method, String path, byte[] body) {
        int slash = path.indexOf('/');
        String name = slash < 0 ? path : path.substring(0, slash);
        String resource = slash < 0 ? "" : path.substring(slash + 1);
        if (!WebhookInbox.isEndpointName(name)) {
            return error(404, "No such webhook endpoint: names are 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return switch (resource) {
            case "" -> "DELETE".equals(method) ? forget(name) : notAllowed(method, path);
            case "secrets" -> "PUT".equals(method) ? setSecrets(name, body) : notAllowed(method, path);
            case "messages" -> "GET".equals(method) ? ok(views.list("messages", inbox.messages(name)))
                    : notAllowed(method, path);
            case "requests" -> "GET".equals(method) ? ok(views.list("requests", inbox.requests(name)))
                    : notAllowed(method, path);
            case "faults" -> switch (method) {
                case "GET" -> faultView(name);
                case "POST" -> injectFault(name, body);
                case "DELETE" -> {
                    inbox.clearFaults(name);
                    yield faultView(name);
                }
                default -> notAllowed(method, path);
            };
            default -> error(404, "No such control endpoint: /_sim/webhooks/" + path);
        };
    }

    private EventResponse setSecrets(String name, byte[] body) {
        JsonNode secrets = object(body).get("secrets");
        if (secrets == null || !secrets.isArray()) {
            throw new IllegalArgumentException("'secrets' must be an array of \"whsec_…\" strings");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            if (!secrets.get(i).isString()) {
                throw new IllegalArgumentException("'secrets[" + i + "]' must be a string");
            }
            texts.add(secrets.get(i).stringValue());
        }
        inbox.setSecrets(name, texts);
        return ok(views.secrets(name, inbox.secretCount(name)));
    }

    private EventResponse injectFault(String name, byte[] body) {
        JsonNode request = object(body);
        int status = request.has("status") ? (int) integer(request, "status") : 0;
        String retryAfter = null;
        if (request.has("retry_after")) {
            JsonNode value = request.get("retry_after");
            if (!value.isString() && !value.isIntegralNumber()) {
                throw new IllegalArgumentException("'retry_after' must be a string or an integer of seconds");
            }
            retryAfter = value.isString() ? value.stringValue() : value.asString();
        }
        String redirectTo = request.has("redirect_to") ? text(request, "redirect_to") : null;
        int redirectStatus = request.has("redirect_status") ? (int) integer(request, "redirect_status") : 302;
        long delayMillis = request.has("delay_ms") ? integer(request, "delay_ms") : 0;
        boolean stallBody = false;
        if (request.has("stall_body")) {
            if (!request.get("stall_body").isBoolean()) {
                throw new IllegalArgumentException("'stall_body' must be true or false");
            }
            stallBody = request.get("stall_body").asBoolean();
        }
        int count = request.has("count") ? (int) integer(request, "count") : 1;
        inbox.injectFault(name, new WebhookFault(status, retryAfter, redirectTo, redirectStatus,
                Duration.ofMillis(delayMillis), stallBody, count));
        return faultView(name);
    }

    private EventResponse faultView(String name) {
        return ok(views.fault(name, inbox.fault(name).orElse(null), inbox.faultLeft(name)));
    }

    private EventResponse forget(String name) {
        inbox.forget(name);
        return ok(json.createObjectNode().put("endpoint", name).put("status", "forgotten"));
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

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return node.stringValue();
    }

    private EventResponse ok(JsonNode body) {
        return new EventResponse(200, json.writeValueAsString(body));
    }

    private EventResponse notAllowed(String method, String path) {
        return error(405, method + " is not allowed on /_sim/webhooks/" + path);
    }

    private EventResponse error(int status, String message) {
        return new EventResponse(status, json.writeValueAsString(json.createObjectNode().put("error", message)));
    }
}
