package app.ascend.notify.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running service, with its own cookie jar: one instance is one
 * signed-in browser or curl {@code -c/-b cookies.txt}.
 */
public class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;
    private String bearer;

    public ApiClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    private ApiClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser (same cookie jar) talking to the service at another address, e.g. after a restart. */
    public ApiClient at(String otherBaseUrl) {
        return new ApiClient(otherBaseUrl, cookies);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** Sends {@code Authorization: Bearer <key>} on every later request. */
    public ApiClient withApiKey(String key) {
        this.bearer = key;
        return this;
    }

    public ApiResponse login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, "application/json", toJson(body), Map.of());
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, "application/json", toJson(body), Map.of());
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, "application/json", toJson(body), Map.of());
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    /** A request whose body is sent chunked (no Content-Length), as a streaming client would. */
    public ApiResponse sendChunked(String method, String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, contentType,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), Map.of());
    }

    /** Any request, byte for byte: for malformed bodies, foreign content types and extra headers. */
    public ApiResponse send(String method, String path, String contentType, String body, Map<String, String> headers) {
        return exchange(method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private ApiResponse exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
