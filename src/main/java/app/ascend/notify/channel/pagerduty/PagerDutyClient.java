package app.ascend.notify.channel.pagerduty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.delivery.spi.SendResult;
import app.ascend.notify.delivery.spi.SendResult.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs events to PagerDuty's Events API v2 ({@code /v2/enqueue}) with the JDK HttpClient, reusing
 * connections, and classifies the answer the way PagerDuty's docs say to treat it ([D1] response
 * table, FACTS.md §4): 202 accepted; 400 invalid, never retried; 429 throttled, retried later; 5xx,
 * timeouts and connection errors retried with backoff.
 */
@Component
public class PagerDutyClient {
    static final String US_BASE = "https://events.pagerduty.com";
    static final String EU_BASE = "https://events.eu.pagerduty.com";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String overrideBase;

    /** {@code ASCEND_PAGERDUTY_URL} replaces the base URL for every region (tests, proxies). */
    public PagerDutyClient(@Value("${ascend.pagerduty.url:}") String overrideBase) {
        this.overrideBase = overrideBase == null || overrideBase.isBlank() ? null : overrideBase.replaceAll("/+$", "");
    }

    URI enqueueUri(String region) {
        String base = overrideBase != null ? overrideBase
                : PagerDutySettings.REGION_EU.equals(region) ? EU_BASE : US_BASE;
        return URI.create(base + "/v2/enqueue");
    }

    SendResult enqueue(String region, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(enqueueUri(region)).timeout(RESPONSE_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ascend-notify")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response, (System.nanoTime() - started) / 1_000_000);
        } catch (HttpTimeoutException e) {
            return new SendResult(Outcome.RETRY, null, "no answer from PagerDuty within " + RESPONSE_TIMEOUT.toSeconds()
                    + " s", List.of(), null, elapsed(started), null);
        } catch (IOException e) {
            return new SendResult(Outcome.RETRY, null, "connection to PagerDuty failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), List.of(), null, elapsed(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(Outcome.RETRY, null, "interrupted while sending (service stopping)", List.of(), null,
                    elapsed(started), null);
        }
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
        return new SendResult(outcome, status, message, List.copyOf(errors), retryAfter(response), latency, body);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Duration.between(ZonedDateTime.now(at.getZone()), at).abs();
                } catch (RuntimeException unparseable) {
                    return null;
                }
            }
        }).orElse(null);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
