package app.ascend.notify.support;

import java.net.http.HttpHeaders;

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

    @Override
    public String toString() {
        return status + " " + body;
    }
}
