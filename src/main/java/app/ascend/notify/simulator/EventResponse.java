package app.ascend.notify.simulator;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A status code and the exact JSON body PagerDuty answers with (FACTS.md §4; spec
 * {@code components.responses.Success} and {@code Error}). Field order matches PagerDuty's bodies.
 */
public record EventResponse(int status, String body) {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** 202 for an alert event: {@code {"status":"success","message":"Event processed","dedup_key":"…"}}. */
    static EventResponse accepted(String dedupKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "success");
        body.put("message", "Event processed");
        body.put("dedup_key", dedupKey);
        return new EventResponse(202, JSON.writeValueAsString(body));
    }

    /** 202 for a change event; text from go-pagerduty's test server, live text unconfirmed (FACTS.md §6). */
    static EventResponse changeAccepted() {
        return new EventResponse(202, "{\"status\":\"success\",\"message\":\"Change event processed\"}");
    }

    /** 400 with every validation message (live shape, FACTS.md §4). */
    static EventResponse invalid(List<String> errors) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "invalid event");
        body.put("message", "Event object is invalid");
        errors.forEach(body.putArray("errors")::add);
        return new EventResponse(400, JSON.writeValueAsString(body));
    }

    /** 400 for malformed JSON or a body that is not an object (the spec's Error example, FACTS.md §4). */
    static EventResponse unrecognized() {
        return new EventResponse(400,
                "{\"status\":\"Unrecognized object\",\"message\":\"Event object format is unrecognized\","
                        + "\"errors\":[\"JSON parse error\"]}");
    }

    /** 429 over the rate limit; the body seen in go-pagerduty fixtures, two spaces included (FACTS.md §4, §5). */
    static EventResponse throttled() {
        return new EventResponse(429,
                "{\"status\":\"throttle exceeded\",\"message\":\"Requests for this service are arriving too quickly."
                        + "  Please retry later.\"}");
    }

    /** 503 during a simulated outage, in the spec's Error shape (status and message required). */
    static EventResponse outage() {
        return error(503, "The PagerDuty Events API is unavailable (simulated outage)");
    }

    /**
     * An injected failure with the given status: 429 uses the throttle body, 400 the invalid-event shape,
     * anything else the spec's Error shape.
     */
    static EventResponse injected(int status) {
        if (status == 429) {
            return throttled();
        }
        if (status == 400) {
            return invalid(List.of("Injected failure (PagerDuty simulator)"));
        }
        return error(status, "Injected failure (PagerDuty simulator)");
    }

    static EventResponse notFound(String message) {
        return error(404, message);
    }

    static EventResponse methodNotAllowed(String message) {
        return error(405, message);
    }

    /** The spec's Error schema: {@code {"status":"<short name>","message":"<description>"}}. */
    static EventResponse error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", reasonPhrase(status));
        body.put("message", message);
        return new EventResponse(status, JSON.writeValueAsString(body));
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error " + status;
        };
    }
}
