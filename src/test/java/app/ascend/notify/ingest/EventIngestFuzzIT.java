package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import app.ascend.notify.support.fuzz.FuzzRun;
import app.ascend.notify.support.fuzz.FuzzTest;
import app.ascend.notify.support.fuzz.Fuzzer;
import app.ascend.notify.support.fuzz.RawHttp;
import app.ascend.notify.support.fuzz.Templates;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/events} under hostile input (one object, and batches): never a 5xx, a 4xx is
 * problem+json, a rejected batch stores none of its events, exactly the events answered 202 are
 * stored, and the service still takes and delivers a valid event afterwards. Each event of the
 * organization's channel is routed and rendered (one routing key per event type, so PagerDuty's
 * per-key rate does not pile deliveries up).
 */
class EventIngestFuzzIT extends FuzzTest {

    @Test
    void singleEventsNeverAnswer5xxAndOnlyAcceptedEventsAreStored() {
        fuzzIngest("POST /api/events (one event)", false);
    }

    @Test
    void batchesNeverAnswer5xxAndARejectedBatchStoresNothing() {
        fuzzIngest("POST /api/events (batches)", true);
    }

    private void fuzzIngest(String endpoint, boolean batches) {
        Tenant tenant = newTenant();
        Channels.create(tenant.admin(), Map.of("name", "Fuzzed events", "type", "pagerduty",
                "config", Map.of("routing_key", newRoutingKey()),
                "routing_rules", Templates.TRIGGERS.stream()
                        .map(type -> Map.of("events", List.of(type), "routing_key", newRoutingKey())).toList()));
        RawHttp http = rawWithApiKey(tenant.newApiKey());
        FuzzRun run = new FuzzRun(endpoint);
        Set<String> accepted = new HashSet<>();
        String runId = Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36);

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.EVENT_FIELDS);
            String actionId = "fz-" + runId + "-" + i;
            Object document = batches ? Templates.batch(r, actionId, "src-" + runId + "-" + i)
                    : Templates.event(r, actionId, r.nextBoolean() ? "src-" + runId + "-" + i : null);
            document = fuzzer.mutate(document, fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", "/api/events", fuzzer.contentType(), fuzzer.body(document));
            if (answer == null || answer.status() >= 500) {
                return;
            }
            if (answer.status() == 202) {
                JsonNode events = answer.json().get("events");
                assertThat(answer.json().get("accepted").asInt()).as("accepted count").isEqualTo(events.size());
                events.forEach(e -> accepted.add(e.get("id").stringValue()));
            } else if (batches) {
                ApiResponse stored = tenant.admin().get("/api/events?action_id=" + query(actionId));
                assertThat(stored.status()).isEqualTo(200);
                assertThat(stored.itemIds()).as("events stored from a batch answered " + answer.status()).isEmpty();
            }
        });

        run.assertNoFailures();
        Set<String> stored = new HashSet<>();
        all(tenant.admin(), "/api/events").forEach(e -> stored.add(e.get("id").stringValue()));
        assertThat(stored).as("events stored = events answered 202").isEqualTo(accepted);
        assertServiceHealthy();
    }
}
