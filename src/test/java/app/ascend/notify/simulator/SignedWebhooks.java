package app.ascend.notify.simulator;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook sender for the simulator's tests, signing with the Standard Webhooks reference Java library
 * ({@code com.standardwebhooks:standardwebhooks}), independent of the simulator's own verifier. Redirects are never
 * followed, as a sender must not (spec "Delivery success and failure").
 */
final class SignedWebhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A fresh {@code whsec_} secret of {@code bytes} random bytes. */
    static String newSecret(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value: one {@code v1,…} entry per secret, space-separated, by the library. */
    static String signature(String id, long timestamp, String body, String... secrets) {
        List<String> entries = new ArrayList<>();
        try {
            for (String secret : secrets) {
                entries.add(new Webhook(secret).sign(id, timestamp, body));
            }
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException(e);
        }
        return String.join(" ", entries);
    }

    static Map<String, String> headers(String id, long timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", signature);
        return headers;
    }

    /** Signs {@code body} with every secret and posts it. */
    HttpResponse<String> deliver(String url, String id, long timestamp, String body, String... secrets) {
        return post(url, headers(id, timestamp, signature(id, timestamp, body, secrets)), body, Duration.ofSeconds(30));
    }

    HttpResponse<String> post(String url, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
