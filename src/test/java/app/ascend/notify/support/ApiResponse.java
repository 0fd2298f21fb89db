package app.ascend.notify.support;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer: status, headers, body text and (when it is JSON) the parsed body. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The {@code id}s of a list answer's {@code items}, in the order given. */
    public List<String> itemIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : json().get("items")) {
            ids.add(item.get("id").stringValue());
        }
        return ids;
    }

    /** Every value of a header, e.g. each {@code Set-Cookie}. */
    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    /** An RFC 9457 answer: {@code Content-Type: application/problem+json}. */
    public boolean isProblem() {
        return contentType() != null && contentType().startsWith("application/problem+json");
    }

    /**
     * The {@code errors} of a problem answer as field → message, in the order given (several messages
     * for one field are joined with " | ").
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode list = json().get("errors");
        if (list != null) {
            for (JsonNode error : list) {
                errors.merge(error.get("field").stringValue(), error.get("message").stringValue(), (a, b) -> a + " | " + b);
            }
        }
        return errors;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
