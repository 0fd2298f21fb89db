package app.ascend.notify.channel.pagerduty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs events to PagerDuty's Events API v2 ({@code /v2/enqueue}) with the JDK HttpClient, reusing
 * connections, and classifies the answer the way PagerDuty's docs say to treat it ([D1] response
 * table, FACTS.md §4): 202 accepted; 400 invalid, never retried; 429 throttled, retried later; 5xx,
 * timeouts and connection errors retried with backoff.
 *
 * <p>The whole exchange is bounded, not only the wait for the headers: the JDK client's request timeout
 * ends when the headers arrive, so a PagerDuty or proxy that stalls the body would hold the worker (and
 * its dispatcher permit) for ever. Past the bound the exchange is cancelled and retried like a timeout
 * ({@link ExchangeDeadline}). The send itself is the blocking {@code send()} on the worker: the public
 * {@code sendAsync()} hands every answer to the common pool, which on a 2-core machine is a new thread
 * per answer (the benchmark saw 320 thread starts a second and a third of the throughput).
 */
@Component
public class PagerDutyClient {
    static final String US_BASE = "https://events.pagerduty.com";
    static final String EU_BASE = "https://events.eu.pagerduty.com";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String overrideBase;
    private final Duration timeout;
    private final Clock clock;

    /**
     * {@code ASCEND_PAGERDUTY_URL} replaces the base URL for every region (tests, proxies);
     * {@code ascend.pagerduty.timeout} bounds a whole exchange: connect, headers and body (default 10 s).
     */
    @Autowired
    public PagerDutyClient(@Value("${ascend.pagerduty.url:}") String overrideBase,
            @Value("${ascend.pagerduty.timeout:10s}") Duration timeout, Clock clock) {
        this.overrideBase = overrideBase == null || overrideBase.isBlank() ? null : overrideBase.replaceAll("/+$", "");
        this.timeout = timeout;
        this.clock = clock;
    }

    URI enqueueUri(String region) {
        String base = overrideBase != null ? overrideBase
                : PagerDutySettings.REGION_EU.equals(region) ? EU_BASE : US_BASE;
        return URI.create(base + "/v2/enqueue");
    }

    SendResult enqueue(String region, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(enqueueUri(region)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ascend-notify")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        ExchangeDeadline deadline = ExchangeDeadline.start(timeout);
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response, (System.nanoTime() - started) / 1_000_000);
        } catch (HttpTimeoutException e) {
            return timedOut(started);
        } catch (IOException e) {
            return new SendResult(Outcome.RETRY, null, "connection to PagerDuty failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), List.of(), null, elapsed(started), null);
        } catch (InterruptedException e) {
            if (deadline.interruptedThisThread()) {
                return timedOut(started); // send() cancelled the exchange when interrupted, closing its connection
            }
            Thread.currentThread().interrupt();
            return new SendResult(Outcome.RETRY, null, "interrupted while sending (service stopping)", List.of(), null,
                    elapsed(started), null);
        } finally {
            deadline.end();
        }
    }

    private SendResult timedOut(long started) {
        return new SendResult(Outcome.RETRY, null, "no complete answer from PagerDuty within " + timeout.toMillis() / 1000.0
                + " s", List.of(), null, elapsed(started), null);
    }

    private SendResult classify(HttpResponse<String> response, long latency) {
        int status = response.statusCode();
        String body = response.body();
        String message = null;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode parsed = json.readTree(body);
            if (parsed.isObject()) {
                message = parsed.path("message").isString() ? parsed.path("message").stringValue() : null;
                parsed.path("errors").forEach(error -> errors.add(error.asString()));
            }
        } catch (RuntimeException notJson) {
            message = body == null || body.isBlank() ? null : body.substring(0, Math.min(body.length(), 500));
        }
        Outcome outcome;
        if (status >= 200 && status < 300) {
            outcome = Outcome.DELIVERED;
        } else if (status == 429) {
            outcome = Outcome.RATE_LIMITED;
        } else if (status == 408 || status >= 500) {
            outcome = Outcome.RETRY;
        } else {
            outcome = Outcome.REJECTED; // 400 and other 4xx: the same request would fail again
        }
        return new SendResult(outcome, status, message, List.copyOf(errors),
                RetryAfterHeader.parse(response.headers().firstValue("Retry-After"), clock).orElse(null), latency, body);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
