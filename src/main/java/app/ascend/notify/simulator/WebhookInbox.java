package app.ascend.notify.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's Standard Webhooks receiver: named endpoints that need no setup, each with optional secrets
 * (verification on), an optional fault, and a record of every request. Reached at
 * {@link PagerDutySimulator#webhookUrl(String)}; the same operations are offered under {@code /_sim/webhooks/}.
 * Thread-safe.
 */
public final class WebhookInbox {

    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Clock clock;
    private final WebhookSignatureVerifier verifier;
    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final List<ReceivedWebhook> journal = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    WebhookInbox(Clock clock) {
        this.clock = clock;
        this.verifier = new WebhookSignatureVerifier(clock);
    }

    static boolean isEndpointName(String name) {
        return name != null && ENDPOINT.matcher(name).matches();
    }

    /**
     * Decides and records the answer to one request. Faults first, like a proxy or an overloaded receiver in front
     * of the application: a {@code status} or {@code redirect_to} fault answers without handling, though the
     * record still says whether the signature held. Then, with secrets registered, the signature (400/401); then
     * 204, or 200 with a stalled body.
     */
    WebhookAnswer receive(String name, WebhookHeaders headers, byte[] body) {
        WebhookEndpoint endpoint = endpoint(name);
        synchronized (endpoint) {
            WebhookFault fault = endpoint.takeFault();
            WebhookVerification verification = verifier.verify(endpoint.secrets(), headers, body);
            WebhookAnswer answer = answer(fault, verification, endpoint);
            boolean accepted = answer.status() >= 200 && answer.status() <= 299;
            boolean duplicate = accepted ? endpoint.accept(headers.id()) : endpoint.wasAccepted(headers.id());
            record(new ReceivedWebhook(sequence.incrementAndGet(), name, clock.instant(), headers,
                    new String(body, StandardCharsets.UTF_8), parse(body), body.length, verification.verified(),
                    verification.text(), answer.status(), duplicate));
            return answer;
        }
    }

    private WebhookAnswer answer(WebhookFault fault, WebhookVerification verification, WebhookEndpoint endpoint) {
        long delay = fault == null ? 0 : fault.delay().toMillis();
        Map<String, String> headers = new LinkedHashMap<>();
        if (fault != null && fault.status() != 0) {
            if (fault.retryAfter() != null) {
                headers.put("Retry-After", fault.retryAfter());
            }
            return new WebhookAnswer(fault.status(), WebhookAnswer.INJECTED, headers, delay, null);
        }
        if (fault != null && fault.redirectTo() != null) {
            headers.put("Location", fault.redirectTo());
            return new WebhookAnswer(fault.redirectStatus(), WebhookAnswer.INJECTED, headers, delay, null);
        }
        if (!verification.acceptable()) {
            String error = json.writeValueAsString(json.createObjectNode().put("error", verification.text()));
            return new WebhookAnswer(verification.refusalStatus(), error, headers, delay, null);
        }
        if (fault != null && fault.stallBody()) {
            return new WebhookAnswer(200, WebhookAnswer.RECEIVED, headers, delay, endpoint);
        }
        return new WebhookAnswer(204, null, headers, delay, null);
    }

    // ---- Setup

    /**
     * The secrets a request's signature may match, replacing earlier ones; none turns verification off. Each is
     * {@code whsec_} and the base64 of 24 to 64 bytes (see {@link WebhookSecret}).
     */
    public void setSecrets(String name, List<String> secrets) {
        List<WebhookSecret> parsed = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            try {
                parsed.add(WebhookSecret.parse(secrets.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'secrets[" + i + "]' " + e.getMessage());
            }
        }
        endpoint(name).setSecrets(parsed);
    }

    public int secretCount(String name) {
        return endpoint(name).secrets().size();
    }

    /** Replaces the endpoint's pending fault. */
    public void injectFault(String name, WebhookFault fault) {
        endpoint(name).setFault(fault);
    }

    public Optional<WebhookFault> fault(String name) {
        return Optional.ofNullable(endpoint(name).fault());
    }

    /** Requests the pending fault still applies to, {@link WebhookFault#UNTIL_CLEARED}, or 0. */
    public int faultLeft(String name) {
        return endpoint(name).faultLeft();
    }

    /** Drops the pending fault and lets its stalled answers go. */
    public void clearFaults(String name) {
        endpoint(name).clearFault();
    }

    /** Forgets the endpoint's records, secrets, fault and accepted ids. */
    public void forget(String name) {
        requireEndpointName(name);
        WebhookEndpoint gone = endpoints.remove(name);
        if (gone != null) {
            gone.releaseStalls();
        }
        synchronized (journal) {
            journal.removeIf(r -> r.endpoint().equals(name));
        }
    }

    /** Forgets every endpoint. */
    public void reset() {
        List<String> names = new ArrayList<>(endpoints.keySet());
        names.forEach(this::forget);
        synchronized (journal) {
            journal.clear();
        }
    }

    // ---- Queries

    /** Requests answered 2xx on this endpoint, in arrival order. */
    public List<ReceivedWebhook> messages(String name) {
        requireEndpointName(name);
        return matching(r -> r.endpoint().equals(name) && r.accepted());
    }

    /** Every request on this endpoint, refused ones included, in arrival order. */
    public List<ReceivedWebhook> requests(String name) {
        requireEndpointName(name);
        return matching(r -> r.endpoint().equals(name));
    }

    /** Every request on every endpoint, in arrival order. */
    public List<ReceivedWebhook> requests() {
        return matching(r -> true);
    }

    public WebhookStats stats() {
        List<ReceivedWebhook> all = requests();
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Long> acceptedByEndpoint = new TreeMap<>();
        all.forEach(r -> {
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.accepted()) {
                acceptedByEndpoint.merge(r.endpoint(), 1L, Long::sum);
            }
        });
        return new WebhookStats(all.size(), all.stream().filter(ReceivedWebhook::accepted).count(),
                all.stream().filter(ReceivedWebhook::verified).count(),
                all.stream().filter(ReceivedWebhook::duplicate).count(), byStatus, acceptedByEndpoint);
    }

    private List<ReceivedWebhook> matching(Predicate<ReceivedWebhook> filter) {
        synchronized (journal) {
            // Recorded under the endpoint's lock, in sequence order per endpoint; sorted for order across them.
            return journal.stream().filter(filter)
                    .sorted(Comparator.comparingLong(ReceivedWebhook::sequence)).toList();
        }
    }

    private void record(ReceivedWebhook request) {
        synchronized (journal) {
            journal.add(request);
        }
    }

    private WebhookEndpoint endpoint(String name) {
        requireEndpointName(name);
        return endpoints.computeIfAbsent(name, n -> new WebhookEndpoint());
    }

    private static void requireEndpointName(String name) {
        if (!isEndpointName(name)) {
            throw new IllegalArgumentException("A webhook endpoint name is 1 to 64 of A-Z a-z 0-9 _ -");
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
}
