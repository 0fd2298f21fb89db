package app.ascend.notify.support.fuzz;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import app.ascend.notify.support.ApiResponse;

/**
 * Sends a body byte for byte (invalid UTF-8 included), with the cookies of a signed-in
 * {@link app.ascend.notify.support.ApiClient} or an API key.
 */
public final class RawHttp {
    private final String baseUrl;
    private final String bearer;
    private final HttpClient http;

    public RawHttp(String baseUrl, CookieManager cookies, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        this.http = builder.build();
    }

    /** The answer; an I/O failure (the service closed the connection, timed out) is an {@link IOException}. */
    public ApiResponse send(String method, String path, String contentType, byte[] body) throws IOException {
        return send(method, path, contentType, body, java.util.Map.of());
    }

    /** The same with extra headers (a signature, a delivery id). */
    public ApiResponse send(String method, String path, String contentType, byte[] body,
            java.util.Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
