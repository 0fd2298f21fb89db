package app.ascend.notify.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * Sends governance events open-loop: one trigger per tick at a fixed rate from a scheduler thread,
 * whatever the service does (a dead, hung or refusing service does not slow the sender down, as a
 * real governance engine would not wait either), and on every second tick also the approval of the
 * oldest trigger answered 202 that is not approved yet, so resolves follow their triggers.
 *
 * <p>Every request is recorded with its answer: the status, or none (connection refused, reset, or no
 * answer within {@link #REQUEST_TIMEOUT}), how long it took, whether it was problem+json, and its
 * {@code Retry-After}. Trigger types rotate over {@link #TRIGGER_TYPES}, so a channel with routing rules
 * spreads them over several routing keys.
 */
final class LoadDriver implements AutoCloseable {
    static final List<String> TRIGGER_TYPES = List.of("action.blocked", "policy.violation", "auth.failed",
            "anomaly.detected", "auth.mfa_failed");
    /** Past this a request counts as unanswered: far beyond any answer the service should take. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** One request and its answer ({@code status} 0 when none came). */
    record Sent(String kind, String actionId, String type, long sentAtNanos, long answeredAtNanos, int status,
            boolean problemJson, String retryAfter, String failure) {
        boolean accepted() {
            return status == 202;
        }

        boolean answered() {
            return status != 0;
        }

        Duration took() {
            return Duration.ofNanos(answeredAtNanos - sentAtNanos);
        }

        boolean trigger() {
            return "trigger".equals(kind);
        }
    }

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-driver");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
    private final Queue<Sent> results = new ConcurrentLinkedQueue<>();
    private final Queue<String> toApprove = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();

    private LoadDriver(Supplier<String> baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Starts sending {@code triggersPerSecond} triggers (and half as many approvals) to {@code baseUrl.get()}. */
    static LoadDriver start(Supplier<String> baseUrl, String apiKey, double triggersPerSecond) {
        LoadDriver driver = new LoadDriver(baseUrl, apiKey);
        long periodMicros = Math.round(1_000_000 / triggersPerSecond);
        driver.ticker.scheduleAtFixedRate(driver::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        return driver;
    }

    private void tick() {
        long n = ticks.getAndIncrement();
        String actionId = "act_" + runId + "_" + n;
        String type = TRIGGER_TYPES.get((int) (n % TRIGGER_TYPES.size()));
        send("trigger", actionId, type, "{\"type\":\"" + type + "\",\"action_id\":\"" + actionId
                + "\",\"risk_score\":" + (50 + n % 50) + ",\"summary\":\"fault suite load " + n + "\"}");
        if (n % 2 == 1) {
            String approve = toApprove.poll();
            if (approve != null) {
                send("approval", approve, "action.approved",
                        "{\"type\":\"action.approved\",\"action_id\":\"" + approve + "\"}");
            }
        }
    }

    private void send(String kind, String actionId, String type, String body) {
        long sentAt = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/events"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<?> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long answeredAt = System.nanoTime();
                    if (response == null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        String failure = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
                        results.add(new Sent(kind, actionId, type, sentAt, answeredAt, 0, false, null, failure));
                        return null;
                    }
                    String contentType = response.headers().firstValue("Content-Type").orElse("");
                    Sent sent = new Sent(kind, actionId, type, sentAt, answeredAt, response.statusCode(),
                            contentType.startsWith("application/problem+json"),
                            response.headers().firstValue("Retry-After").orElse(null),
                            response.statusCode() >= 400 ? response.body() : null);
                    results.add(sent);
                    if (sent.accepted() && sent.trigger()) {
                        toApprove.add(actionId);
                    }
                    return null;
                });
        inFlight.add(answer);
        inFlight.removeIf(CompletableFuture::isDone);
    }

    /** Stops sending and waits for the answers of requests already sent (each ends by its own timeout). */
    void stop() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        stop();
    }

    List<Sent> results() {
        return new ArrayList<>(results);
    }

    /** The action ids of triggers answered 202: each must become an incident at PagerDuty. */
    List<String> acceptedTriggers() {
        return results.stream().filter(s -> s.trigger() && s.accepted()).map(Sent::actionId).toList();
    }

    /** Waits (on the answers, not the clock) until {@code count} more triggers were answered 202. */
    void awaitMoreAccepted(int count) {
        int target = acceptedTriggers().size() + count;
        Awaitility.await(count + " more triggers answered 202").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100)).until(() -> acceptedTriggers().size() >= target);
    }

    /** The action ids of approvals answered 202: each must resolve its incident. */
    List<String> acceptedApprovals() {
        return results.stream().filter(s -> !s.trigger() && s.accepted()).map(Sent::actionId).toList();
    }

    /** Answers per status ("none" when no answer came), for the report. */
    static Map<String, Long> byStatus(List<Sent> sent) {
        Map<String, Long> counts = new TreeMap<>();
        for (Sent s : sent) {
            counts.merge(s.answered() ? Integer.toString(s.status) : "none(" + s.failure() + ")", 1L, Long::sum);
        }
        return counts;
    }

    static String dedupKey(String actionId) {
        return "ascend-" + actionId;
    }
}
