package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.ReceivedHecEvent;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;

/**
 * A Splunk HEC channel beside PagerDuty in the kill -9 suites, and the check that nothing it was given was lost: every
 * event answered 202 reaches the simulator's HEC stand-in. HEC cannot drop a repeat, so a kill between HEC's 200 and
 * the service recording it sends the same event again after the restart: the events carry their delivery id
 * ({@code fields.ascend_delivery_id}) so a search dedupes them, and here each repeat must straddle a kill and their
 * number stays within what was in flight (one event per delivery worker per kill).
 */
final class HecAudit {
    /** What a run found at the stand-in. */
    record Result(int events, int deliveries, int repeatedDeliveries) {
    }

    private HecAudit() {
    }

    /** The environment a service needs to reach the stand-in on loopback (as an operator allows a local collector). */
    static void allowLoopback(Map<String, String> environment) {
        environment.put("ASCEND_OUTBOUND_ALLOW", "127.0.0.0/8");
    }

    /** A HEC channel of {@code admin}'s organization, to the stand-in's {@code collector}, subscribed to {@code types}. */
    static void createChannel(ApiClient admin, PagerDutySimulator sim, String collector, List<String> types) {
        ApiResponse created = admin.post("/api/notifications/channels", Map.of("name", "Splunk " + collector,
                "type", "splunk_hec", "events", types, "config", Map.of("url", sim.hecUrl(collector),
                        "token", UUID.randomUUID().toString(), "index", "ascend", "batch_max_wait_ms", 200)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /**
     * Waits until every accepted action (with its event type) reached the collector, then checks repeats: each
     * delivery id seen twice or more straddles one of {@code killedAt}, and there are at most {@code inFlightBound}.
     */
    static Result assertNothingLost(PagerDutySimulator sim, String collector, Collection<String> triggers,
            Collection<String> approvals, List<Long> killedAt, int inFlightBound, Duration within) {
        Awaitility.await("every event at the HEC stand-in").atMost(within).pollInterval(Duration.ofMillis(500))
                .until(() -> missing(sim.hec().events(collector), triggers, approvals).isEmpty());
        List<ReceivedHecEvent> events = sim.hec().events(collector);
        assertThat(missing(events, triggers, approvals)).as("events answered 202 but never at HEC (lost)").isEmpty();
        Map<String, List<ReceivedHecEvent>> byDelivery = new HashMap<>();
        events.forEach(e -> byDelivery.computeIfAbsent(e.deliveryId(), k -> new ArrayList<>()).add(e));
        assertThat(byDelivery).as("every event carries its delivery id").doesNotContainKey(null);
        int repeated = 0;
        for (List<ReceivedHecEvent> copies : byDelivery.values()) {
            if (copies.size() > 1) {
                repeated++;
                long first = epochNanos(copies.get(0).receivedAt());
                long last = epochNanos(copies.get(copies.size() - 1).receivedAt());
                assertThat(killedAt).as("a kill between the copies of delivery %s", copies.get(0).deliveryId())
                        .anyMatch(k -> first < k && k < last);
            }
        }
        assertThat(repeated).as("repeats, bounded by the events in flight at the kills").isLessThanOrEqualTo(inFlightBound);
        return new Result(events.size(), byDelivery.size(), repeated);
    }

    private static List<String> missing(List<ReceivedHecEvent> events, Collection<String> triggers,
            Collection<String> approvals) {
        Map<String, List<String>> kindsByAction = new HashMap<>();
        for (ReceivedHecEvent e : events) {
            kindsByAction.computeIfAbsent(e.event().get("action_id").stringValue(), k -> new ArrayList<>())
                    .add(e.event().get("action").stringValue());
        }
        List<String> missing = new ArrayList<>();
        triggers.stream().filter(a -> !kindsByAction.getOrDefault(a, List.of()).contains("trigger"))
                .forEach(a -> missing.add("trigger " + a));
        approvals.stream().filter(a -> kindsByAction.getOrDefault(a, List.of()).stream().noneMatch(k -> !k.equals("trigger")))
                .forEach(a -> missing.add("approval " + a));
        return missing;
    }

    private static long epochNanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
