package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every path outside {@code /_sim/} as the Events API does: {@code POST /v2/enqueue} (alert events) and
 * {@code POST /v2/change/enqueue} (change events). Order per request: injected faults, JSON parsing, validation
 * (400), rate limit (429), then ingestion (202). Every request is recorded.
 */
final class EventIntake implements HttpHandler {

    static final String ENQUEUE_PATH = "/v2/enqueue";
    static final String CHANGE_ENQUEUE_PATH = "/v2/change/enqueue";
    /** A stalled answer is let go after this at the latest, so a forgotten fault frees its thread. */
    static final long STALL_MAX_MILLIS = 10 * 60 * 1000;

    /** What handling one request produced, before it is recorded. */
    private record Handled(EventResponse response, EventOutcome outcome, String routingKey, String dedupKey) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final EventValidator validator = new EventValidator();
    private final MonotonicWallClock wallClock = new MonotonicWallClock();
    private final AtomicLong sequence = new AtomicLong();
    /** Makes "check the rate limit, then apply" atomic, and reset atomic against it. */
    private final Object ingestLock = new Object();

    private final Clock clock;
    private final FaultPlan faults;
    private final RateWindow rateWindow;
    private final IncidentBook incidents;
    private final RequestJournal journal;

    EventIntake(Clock clock, FaultPlan faults, RateWindow rateWindow, IncidentBook incidents, RequestJournal journal) {
        this.clock = clock;
        this.faults = faults;
        this.rateWindow = rateWindow;
        this.incidents = incidents;
        this.journal = journal;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            long receivedAt = wallClock.nowEpochNanos();
            long seq = sequence.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            JsonNode parsed = parse(body);
            Handled handled = handle(method, path, parsed, body.length, seq);
            boolean stall = handled.outcome() != EventOutcome.NOT_FOUND && faults.nextStall();
            pause(faults.latencyMillis());
            journal.add(new RecordedRequest(seq, method, path, receivedAt, wallClock.nowEpochNanos(),
                    new String(body, StandardCharsets.UTF_8), parsed, handled.response().status(),
                    handled.response().body(), handled.outcome(), handled.routingKey(), handled.dedupKey()));
            if (stall) {
                sendStalled(exchange, handled.response());
            } else {
                send(exchange, handled.response());
            }
        } finally {
            exchange.close();
        }
    }

    /** Clears recorded state and rate-limit counts; faults are cleared by their owner. */
    void reset() {
        synchronized (ingestLock) {
            journal.clear();
            incidents.clear();
            rateWindow.reset();
        }
    }

    private Handled handle(String method, String path, JsonNode parsed, int bodyBytes, long seq) {
        String routingKey = EventValidator.text(parsed, "routing_key");
        boolean change = CHANGE_ENQUEUE_PATH.equals(path);
        if (!change && !ENQUEUE_PATH.equals(path)) {
            return new Handled(EventResponse.notFound("No such endpoint: " + path), EventOutcome.NOT_FOUND,
                    routingKey, null);
        }
        if (!"POST".equals(method)) {
            return new Handled(EventResponse.methodNotAllowed(path + " accepts POST only"), EventOutcome.NOT_FOUND,
                    routingKey, null);
        }
        Optional<EventResponse> fault = faults.nextFailure();
        String sentDedupKey = EventValidator.text(parsed, "dedup_key");
        if (fault.isEmpty()) {
            fault = faults.rejection(routingKey);
        }
        if (fault.isPresent()) {
            return new Handled(fault.get(), EventOutcome.INJECTED_FAULT, routingKey, sentDedupKey);
        }
        if (parsed == null || !parsed.isObject()) {
            return new Handled(EventResponse.unrecognized(), EventOutcome.UNRECOGNIZED, null, null);
        }
        List<String> errors = change
                ? validator.changeEventErrors(parsed, bodyBytes)
                : validator.alertEventErrors(parsed, bodyBytes);
        if (!errors.isEmpty()) {
            return new Handled(EventResponse.invalid(errors), EventOutcome.INVALID, routingKey, sentDedupKey);
        }
        return change ? ingestChange(routingKey) : ingestAlert(parsed, routingKey, sentDedupKey, seq);
    }

    private Handled ingestChange(String routingKey) {
        synchronized (ingestLock) {
            if (!rateWindow.tryAcquire(routingKey)) {
                return new Handled(EventResponse.throttled(), EventOutcome.THROTTLED, routingKey, null);
            }
        }
        // Change events are recorded only: no incidents, no notifications (FACTS.md §6).
        return new Handled(EventResponse.changeAccepted(), EventOutcome.CHANGE_RECORDED, routingKey, null);
    }

    private Handled ingestAlert(JsonNode event, String routingKey, String sentDedupKey, long seq) {
        EventAction action = EventAction.fromWireName(event.get("event_action").stringValue()).orElseThrow();
        synchronized (ingestLock) {
            if (!rateWindow.tryAcquire(routingKey)) {
                return new Handled(EventResponse.throttled(), EventOutcome.THROTTLED, routingKey, sentDedupKey);
            }
            // A trigger without a dedup_key gets a generated UUID, returned in the response (FACTS.md §2, §3).
            String dedupKey = sentDedupKey == null || sentDedupKey.isBlank() ? UUID.randomUUID().toString()
                    : sentDedupKey;
            String summary = EventValidator.text(event.get("payload"), "summary");
            EventOutcome outcome = incidents.apply(action, routingKey, dedupKey, summary, clock.instant(), seq);
            // Dropped acknowledge/resolve events still answer 202 (FACTS.md §3; the API is asynchronous).
            return new Handled(EventResponse.accepted(dedupKey), outcome, routingKey, dedupKey);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The headers and half the body, then nothing until the stall is released: the client must give up by itself. */
    private void sendStalled(HttpExchange exchange, EventResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        try {
            faults.holdStalled(STALL_MAX_MILLIS);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, EventResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
