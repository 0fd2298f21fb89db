package app.ascend.notify.channel.pagerduty;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.outbound.AnswerTable;
import app.ascend.notify.outbound.HttpAnswer;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.NotifierMetrics;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs events to PagerDuty's Events API v2 ({@code /v2/enqueue}) through the shared
 * {@link HttpSender} (whole exchange bounded, redirects never followed) and reads the answer the way
 * PagerDuty's docs say to treat it ([D1] response table, FACTS.md §4): 202 accepted; 400 invalid, never
 * retried; 429 throttled, retried later; 5xx, timeouts and connection errors retried with backoff —
 * the shared {@link AnswerTable}. PagerDuty's base URL is the operator's ({@code ASCEND_PAGERDUTY_URL}),
 * never a user's, so it is not held to the outbound address rule.
 *
 * <p>Besides the shared {@code ascend_notifier_requests_total{channel_type="pagerduty"}}, it keeps
 * {@code ascend_pagerduty_responses_total{status}}, the series dashboards built before there were
 * other channel types read.
 */
@Component
public class PagerDutyClient {
    static final String US_BASE = "https://events.pagerduty.com";
    static final String EU_BASE = "https://events.eu.pagerduty.com";
    /** PagerDuty's documented answers ([D1] response table): 202, 400, 429 and the 5xx it names. */
    static final List<Integer> KNOWN_STATUSES = List.of(202, 400, 429, 500, 503);
    private final JsonMapper json = JsonMapper.builder().build();
    private final String overrideBase;
    private final HttpSender sender;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> responses = new ConcurrentHashMap<>();

    /**
     * {@code ASCEND_PAGERDUTY_URL} replaces the base URL for every region (tests, proxies);
     * {@code ascend.pagerduty.timeout} bounds a whole exchange: connect, headers and body (default 10 s).
     */
    @Autowired
    public PagerDutyClient(@Value("${ascend.pagerduty.url:}") String overrideBase,
            @Value("${ascend.pagerduty.timeout:10s}") Duration timeout, Clock clock, OutboundHttp outbound,
            MeterRegistry registry) {
        this.overrideBase = overrideBase == null || overrideBase.isBlank() ? null : overrideBase.replaceAll("/+$", "");
        this.sender = outbound.sender(PagerDutyChannelType.NAME, "PagerDuty", timeout, KNOWN_STATUSES, false);
        this.clock = clock;
        this.registry = registry;
        KNOWN_STATUSES.forEach(status -> responses(String.valueOf(status)));
        responses(NotifierMetrics.NO_ANSWER);
    }

    /** A client of its own, outside Spring (tests). */
    PagerDutyClient(String overrideBase, Duration timeout, Clock clock) {
        this(overrideBase, timeout, clock, new OutboundHttp(new OutboundAddressPolicy(""),
                new NotifierMetrics(new SimpleMeterRegistry())), new SimpleMeterRegistry());
    }

    URI enqueueUri(String region) {
        String base = overrideBase != null ? overrideBase
                : PagerDutySettings.REGION_EU.equals(region) ? EU_BASE : US_BASE;
        return URI.create(base + "/v2/enqueue");
    }

    /** The Change Events API, on the same host as alert events (FACTS.md §1, §6). */
    URI changeUri(String region) {
        return URI.create(enqueueUri(region).toString().replaceAll("/v2/enqueue$", "/v2/change/enqueue"));
    }

    SendResult enqueue(String region, byte[] body) {
        return post(enqueueUri(region), body);
    }

    /**
     * A change event: PagerDuty answers it as alert events (202/400/429/5xx, 512 KB, [D3] "Responses and Limits"
     * points to [D1]); the 202's message text ("Change event processed") is unconfirmed (FACTS.md §6).
     */
    SendResult enqueueChange(String region, byte[] body) {
        return post(changeUri(region), body);
    }

    private SendResult post(URI uri, byte[] body) {
        SendResult result = sender.post(uri, Map.of("Content-Type", "application/json"), body, this::read);
        responses(result.httpStatus() == null ? NotifierMetrics.NO_ANSWER : String.valueOf(result.httpStatus())).increment();
        return result;
    }

    private SendResult read(HttpAnswer answer) {
        String message = null;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode parsed = json.readTree(answer.body());
            if (parsed.isObject()) {
                message = parsed.path("message").isString() ? parsed.path("message").stringValue() : null;
                parsed.path("errors").forEach(error -> errors.add(error.asString()));
            }
        } catch (RuntimeException notJson) {
            message = answer.body() == null || answer.body().isBlank() ? null
                    : answer.body().substring(0, Math.min(answer.body().length(), 500));
        }
        return new SendResult(AnswerTable.standard(answer.status()), answer.status(), message, List.copyOf(errors),
                answer.retryAfter(clock).orElse(null), answer.latencyMillis(), answer.body());
    }

    /** Any status seen gets its own series: HTTP statuses are few, so the label stays bounded. */
    private Counter responses(String status) {
        return responses.computeIfAbsent(status, key -> Counter.builder("ascend.pagerduty.responses")
                .description("PagerDuty Events API answers by HTTP status; \"error\" when no answer came")
                .tag("status", status)
                .register(registry));
    }
}
