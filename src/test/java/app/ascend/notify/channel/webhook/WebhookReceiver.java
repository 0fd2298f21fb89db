package app.ascend.notify.channel.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver for the integration tests: the JDK's HttpServer on a random loopback port, which
 * records every request (headers, raw body, arrival) and answers from a script (status, headers, a
 * delay before answering), 204 once the script is used up. Verification is the receiver's own, with the
 * Standard Webhooks reference library ({@code new Webhook(secret).verify(body, headers)}), the
 * independent implementation of our signer.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, Duration delay) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }

        static Answer of(int status, String header, String value) {
            return new Answer(status, Map.of(header, value), Duration.ZERO);
        }

        static Answer after(Duration delay, int status) {
            return new Answer(status, Map.of(), delay);
        }
    }

    /** One request as it arrived. */
    record Request(String path, Map<String, List<String>> headers, String body, Instant arrivedAt) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String type() {
            return json().get("type").stringValue();
        }

        /** Whether the reference library accepts this request signed with {@code secret}. */
        boolean verifiesWith(String secret) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException | EmptyWebhookSecretException e) {
                return false;
            }
        }

        List<String> signatures() {
            return List.of(header("webhook-signature").split(" "));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            Answer answer = script.poll();
            if (answer == null) {
                answer = Answer.of(204);
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis()); // the receiver being slow, not the test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            try {
                byte[] text = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : text.length);
                if (answer.status() != 204) {
                    exchange.getResponseBody().write(text);
                }
            } catch (IOException clientGone) {
                // the sender timed out and closed the connection: nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The URL to give the channel: {@code http://127.0.0.1:<port>/hooks/<token>} (the token stands for a secret in the path). */
    String url(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + token;
    }

    /** Answers the next requests with these, in order. */
    WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that reached {@code path} (one channel's URL). */
    List<Request> requestsTo(String url) {
        String path = url.substring(url.indexOf("/hooks/"));
        List<Request> found = new ArrayList<>();
        requests.stream().filter(r -> r.path().equals(path)).forEach(found::add);
        return found;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
