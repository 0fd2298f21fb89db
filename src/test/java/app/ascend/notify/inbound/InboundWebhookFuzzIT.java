package app.ascend.notify.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Tenant;
import app.ascend.notify.support.fuzz.Doc;
import app.ascend.notify.support.fuzz.FuzzRun;
import app.ascend.notify.support.fuzz.FuzzTest;
import app.ascend.notify.support.fuzz.Fuzzer;
import app.ascend.notify.support.fuzz.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/webhooks/{type}/{channel_id}}, the route reachable without a session or key, under hostile
 * input: never a 5xx, a 4xx is problem+json; without a valid signature always 401 and nothing kept or
 * changed; with one (mutated PagerDuty v3 bodies, hostile headers) exactly the deliveries answered 202 are
 * kept; and the service still works afterwards.
 */
class InboundWebhookFuzzIT extends FuzzTest {
    private static final List<String> FIELDS = List.of("event", "id", "event_type", "resource_type", "occurred_at",
            "agent", "summary", "data", "type", "status", "incident_key", "incident", "html_url");
    private static final List<String> TYPES = List.of("incident.acknowledged", "incident.unacknowledged",
            "incident.resolved", "incident.reopened", "incident.reassigned", "incident.escalated", "incident.annotated",
            "incident.triggered", "pagey.ping", "service.updated", "incident.workflow.started");

    @Test
    void unsignedDeliveriesAreAll401AndSignedOnesNeverAnswer5xx() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        String secret = "fuzz-signing-" + UUID.randomUUID();
        Map<String, Object> channel = Channels.pagerDuty("Fuzzed webhooks", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) channel.get("config");
        config.put("webhook_secret", secret);
        String channelId = Channels.create(tenant.admin(), channel).get("id").stringValue();
        String actionId = Events.newActionId();
        ApiResponse trigger = anonymous().withApiKey(tenant.newApiKey()).post("/api/events",
                Events.trigger("action.blocked", actionId, 95));
        assertThat(trigger.status()).isEqualTo(202);
        String incidentKey = "ascend-" + actionId;
        JsonNode before = incidentOf(tenant, incidentKey);

        RawHttp http = new RawHttp(baseUrl(), null, null);
        FuzzRun run = new FuzzRun("POST /api/webhooks/{type}/{channel_id}");
        Set<String> keptIds = new HashSet<>();
        List<String> unsignedLetIn = new ArrayList<>();
        int[] signedCases = {0};

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, FIELDS);
            Object document = fuzzer.mutate(template(r, incidentKey), fuzzer.mutationCount());
            byte[] body = fuzzer.body(document);
            String webhookId = r.nextInt(10) == 0 ? fuzzer.hostileString() : "wh-" + i + "-" + UUID.randomUUID();
            boolean signed = r.nextBoolean();
            Map<String, String> headers = new LinkedHashMap<>();
            if (webhookId != null && webhookId.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && r.nextInt(12) != 0) {
                headers.put("X-Webhook-Id", webhookId);
            }
            String signature = signed ? sign(secret, body) : hostileSignature(r, fuzzer, body);
            if (signature != null) {
                headers.put("X-PagerDuty-Signature", signature);
            }
            String path = r.nextInt(8) == 0 ? "/api/webhooks/" + pick(r, "pagerduty", "slack", "webhook", "x")
                    + "/" + pick(r, channelId, "chan_" + i, "zzz") : "/api/webhooks/pagerduty/" + channelId;
            boolean toOurs = path.equals("/api/webhooks/pagerduty/" + channelId);
            ApiResponse answer = run.send(i, http, "POST", path, fuzzer.contentType(), body, headers);
            if (answer == null || answer.status() >= 500) {
                return;
            }
            if (!(signed && toOurs) && answer.status() != 401 && answer.status() != 413) {
                unsignedLetIn.add("case " + i + " → " + answer);
            }
            if (signed && toOurs) {
                signedCases[0]++;
                if (answer.status() == 202) {
                    keptIds.add(answer.json().get("id").stringValue());
                }
            }
        });

        run.assertNoFailures();
        assertThat(unsignedLetIn).as("deliveries without a valid signature that got past 401").isEmpty();
        Set<String> kept = new HashSet<>();
        all(tenant.admin(), "/api/notifications/channels/" + channelId + "/webhooks").forEach(w -> kept.add(w.get("id").stringValue()));
        assertThat(kept).as("deliveries kept = signed deliveries answered 202").isEqualTo(keptIds);
        System.out.printf("webhook fuzz: %d signed cases, %d kept, statuses %s%n", signedCases[0], kept.size(), run.statuses());
        if (kept.isEmpty()) {
            assertThat(incidentOf(tenant, incidentKey).get("remote")).isEqualTo(before.get("remote"));
        }
        assertServiceHealthy();
    }

    /** A v3 incident delivery for our incident (or another key), before mutation. */
    private static Doc.Obj template(Random r, String incidentKey) {
        Doc.Obj data = new Doc.Obj().put("id", "Q" + r.nextInt(1000)).put("type", "incident")
                .put("status", pick(r, "triggered", "acknowledged", "resolved"))
                .put("incident_key", r.nextInt(4) == 0 ? "ascend-other-" + r.nextInt(100) : incidentKey)
                .put("html_url", "https://acme.pagerduty.com/incidents/Q1");
        Doc.Obj event = new Doc.Obj().put("id", "01" + r.nextInt(1_000_000)).put("event_type", pick(r, TYPES.toArray(String[]::new)))
                .put("resource_type", "incident").put("occurred_at", Instant.now().minusSeconds(r.nextInt(3600)).toString())
                .put("agent", new Doc.Obj().put("summary", "Fuzz Responder").put("type", "user_reference"))
                .put("client", Doc.NULL).put("data", data);
        return new Doc.Obj().put("event", event);
    }

    /** No signature, a malformed one, or a well-formed one made with another secret. */
    private static String hostileSignature(Random r, Fuzzer fuzzer, byte[] body) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> sign("a-guessed-secret", body);
            case 2 -> "v1=" + "0".repeat(64);
            case 3 -> "v1=,v0=" + sign("x", body).substring(3) + ",garbage";
            default -> {
                String hostile = fuzzer.hostileString();
                yield hostile != null && hostile.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? hostile : "v1=zz";
            }
        };
    }

    private static String sign(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private JsonNode incidentOf(Tenant tenant, String dedupKey) {
        for (JsonNode incident : all(tenant.admin(), "/api/incidents?status=open")) {
            if (dedupKey.equals(incident.get("dedup_key").stringValue())) {
                return incident;
            }
        }
        throw new AssertionError("no open incident for " + dedupKey);
    }
}
