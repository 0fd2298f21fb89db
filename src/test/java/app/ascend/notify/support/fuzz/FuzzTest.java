package app.ascend.notify.support.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Base of the fuzz suites (*FuzzIT): the whole service over real HTTP, like every {@link ApiTest}.
 *
 * <p>Why not jqwik's {@code @Property}: the cases need the running service of the Spring test context,
 * which only Jupiter tests get; each case is therefore generated from its own seeded
 * {@link java.util.Random} by {@link Fuzzer} inside a Jupiter {@code @Test} ({@link FuzzRun}), which
 * keeps every case replayable from the printed seed.
 */
public abstract class FuzzTest extends ApiTest {

    protected RawHttp raw(ApiClient signedIn) {
        return new RawHttp(baseUrl(), signedIn.cookies(), null);
    }

    protected RawHttp rawWithApiKey(String apiKey) {
        return new RawHttp(baseUrl(), null, apiKey);
    }

    protected static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every item of a list route, following {@code next_cursor}. */
    protected static List<JsonNode> all(ApiClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = client.get(path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + query(cursor)));
            assertThat(page.status()).as(path + " → " + page).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.stringValue();
        } while (cursor != null);
        return items;
    }

    /**
     * After the fuzzing: health is UP, and a new organization's valid event is accepted and reaches
     * PagerDuty (the simulator).
     */
    protected void assertServiceHealthy() {
        long started = System.nanoTime();
        ApiResponse health = anonymous().get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");

        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        Channels.create(tenant.admin(), Map.of("name", "After fuzzing", "type", "pagerduty",
                "config", Map.of("routing_key", routingKey), "events", List.of("action.blocked")));
        String actionId = "act-after-fuzz-" + UUID.randomUUID();
        ApiResponse accepted = anonymous().withApiKey(tenant.newApiKey()).post("/api/events",
                Map.of("type", "action.blocked", "action_id", actionId, "risk_score", 90, "summary", "still serving"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        Awaitility.await("the event reaches PagerDuty").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> PAGERDUTY.eventsFor("ascend-" + actionId).stream().anyMatch(r -> routingKey.equals(r.routingKey())));
        System.out.printf("fuzz: healthy afterwards, a new event delivered (checked in %d ms)%n",
                (System.nanoTime() - started) / 1_000_000);
    }
}
