package app.ascend.notify.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty's v3 webhook subscriptions, as the simulator sends them (FACTS.md §7, [D7], [D9], [D10]): each
 * subscription (a URL and its signing secret, for one routing key or all) gets one POST per incident
 * change, {@code {"event": {id, event_type, resource_type, occurred_at, agent, client, data}}} with the
 * incident in {@code data} and our dedup key as {@code data.incident_key}, signed
 * {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the body>}, with {@code X-Webhook-Id},
 * {@code X-Webhook-Subscription} and {@code User-Agent: PagerDuty-Webhook/V3.0}. Sent one at a time in
 * change order (PagerDuty keeps order per incident), once: no retries. Thread-safe.
 */
final class WebhookSubscriptions implements IncidentBook.Listener {
    static final String USER_AGENT = "PagerDuty-Webhook/V3.0";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription; {@code routingKey} null: every service. */
    record Subscription(String id, String url, String secret, String routingKey) {
    }

    /** One POST sent: to which subscription, what, and the answer's status (0: no answer). */
    record Sent(String subscriptionId, String webhookId, String eventType, String dedupKey, int status, String body) {
    }

    private final JsonMapper json = JsonMapper.shared();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pagerduty-sim-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    /** Adds a subscription; a null secret is generated (PagerDuty returns it only in the create response). */
    synchronized Subscription subscribe(String url, String secret, String routingKey) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("'url' must be an http(s) URL");
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        Subscription subscription = new Subscription("PSUB" + (subscriptions.size() + 1), url,
                secret == null ? Base64.getUrlEncoder().withoutPadding().encodeToString(random) : secret, routingKey);
        subscriptions.add(subscription);
        return subscription;
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized void reset() {
        subscriptions.clear();
        sent.clear();
    }

    @Override
    public void changed(SimIncident incident, String eventType, String agent, Instant at) {
        List<Subscription> targets;
        synchronized (this) {
            targets = subscriptions.stream()
                    .filter(s -> s.routingKey() == null || s.routingKey().equals(incident.routingKey())).toList();
        }
        for (Subscription subscription : targets) {
            String webhookId = UUID.randomUUID().toString();
            byte[] body = json.writeValueAsBytes(payload(incident, eventType, agent, at));
            sender.execute(() -> send(subscription, webhookId, eventType, incident.dedupKey(), body));
        }
    }

    private void send(Subscription subscription, String webhookId, String eventType, String dedupKey, byte[] body) {
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Webhook-Id", webhookId)
                    .header("X-Webhook-Subscription", subscription.id())
                    .header("X-PagerDuty-Signature", signature(subscription.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | RuntimeException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            sent.add(new Sent(subscription.id(), webhookId, eventType, dedupKey, status,
                    new String(body, StandardCharsets.UTF_8)));
        }
    }

    /** {@code v1=} HMAC-SHA256 of the raw body, hex ([D10]). */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The v3 envelope with an incident resource ([D7]): the fields PagerDuty documents for {@code data}. */
    private ObjectNode payload(SimIncident incident, String eventType, String agent, Instant at) {
        String id = "Q" + String.format("%08d", incident.number());
        ObjectNode root = json.createObjectNode();
        ObjectNode event = root.putObject("event");
        event.put("id", UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase(java.util.Locale.ROOT));
        event.put("event_type", eventType);
        event.put("resource_type", "incident");
        event.put("occurred_at", at.toString());
        if (agent == null) {
            // A change through the Events API: PagerDuty names the integration as the agent.
            ObjectNode integration = event.putObject("agent");
            integration.put("id", "PSIMINT");
            integration.put("type", "events_api_v2_inbound_integration_reference");
            integration.put("summary", "Events API v2");
        } else {
            ObjectNode user = event.putObject("agent");
            user.put("id", "PSIMUSR");
            user.put("type", "user_reference");
            user.put("summary", agent);
            user.put("html_url", "https://simulator.pagerduty.invalid/users/PSIMUSR");
        }
        event.putNull("client");
        ObjectNode data = event.putObject("data");
        data.put("id", id);
        data.put("type", "incident");
        data.put("self", "https://api.pagerduty.com/incidents/" + id);
        data.put("html_url", "https://simulator.pagerduty.invalid/incidents/" + id);
        data.put("number", incident.number());
        data.put("status", incident.status().wireName());
        data.put("incident_key", incident.dedupKey());
        data.put("created_at", incident.openedAt().toString());
        data.put("title", incident.title());
        ObjectNode service = data.putObject("service");
        service.put("id", "PSIMSVC");
        service.put("type", "service_reference");
        service.put("summary", "Simulated service");
        data.putArray("assignees");
        data.putNull("escalation_policy");
        data.putArray("teams");
        data.putNull("priority");
        data.put("urgency", "high");
        data.putNull("conference_bridge");
        data.putNull("resolve_reason");
        return root;
    }

    void close() {
        sender.shutdownNow();
    }
}
