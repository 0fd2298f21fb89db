package app.ascend.notify.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import app.ascend.notify.simulator.EventOutcome;
import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.simulator.SimulatorStats;

/**
 * What PagerDuty (the simulator) must have seen after a fault, checked against what the service
 * answered 202: every accepted trigger is an incident, every accepted approval resolved it, one
 * incident per dedup key, no resolve before its trigger, no event PagerDuty had to throttle, no
 * routing key above the rate limit in any 60 s window. Repeated triggers (the same trigger accepted
 * twice, which PagerDuty folds into the one incident) are counted and listed for the test to judge.
 */
final class DeliveryAudit {
    /** The counts a test prints and bounds. */
    record Result(int triggersDelivered, int resolvesDelivered, long requestsAtPagerDuty,
            Map<Integer, Long> pagerDutyAnswers, int repeatedTriggers, List<Repeat> repeats, int maxInWindow) {
    }

    /** A trigger PagerDuty accepted more than once: when the first and the second copy arrived. */
    record Repeat(String dedupKey, long firstReceivedAtEpochNanos, long secondReceivedAtEpochNanos) {
        /** True when {@code instantEpochNanos} lies between the two copies: the fault explains the repeat. */
        boolean straddles(long instantEpochNanos) {
            return firstReceivedAtEpochNanos <= instantEpochNanos && instantEpochNanos <= secondReceivedAtEpochNanos;
        }
    }

    private DeliveryAudit() {
    }

    /**
     * Waits until every accepted trigger has its incident and every accepted approval has resolved it;
     * answers how long that took (the drain, for the report).
     */
    static Duration awaitDelivered(PagerDutySimulator pagerDuty, Collection<String> triggers, Collection<String> approvals,
            Duration atMost) {
        long started = System.nanoTime();
        Awaitility.await("every event answered 202 at PagerDuty").atMost(atMost).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, List<SimIncident>> byDedupKey = incidentsByDedupKey(pagerDuty);
                    List<String> missing = triggers.stream()
                            .filter(a -> !byDedupKey.containsKey(LoadDriver.dedupKey(a))).toList();
                    List<String> unresolved = approvals.stream().filter(a -> byDedupKey
                            .getOrDefault(LoadDriver.dedupKey(a), List.of()).stream()
                            .noneMatch(i -> i.status() == IncidentStatus.RESOLVED)).toList();
                    assertThat(missing).as("accepted triggers not at PagerDuty yet").isEmpty();
                    assertThat(unresolved).as("accepted approvals whose incident is not resolved yet").isEmpty();
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Checks everything PagerDuty holds; {@code rateLimit} is the per-key limit the service must keep. */
    static Result check(PagerDutySimulator pagerDuty, Collection<String> triggers, Collection<String> approvals,
            int rateLimit) {
        awaitAnswered(pagerDuty);
        Map<String, List<SimIncident>> byDedupKey = incidentsByDedupKey(pagerDuty);
        for (String action : triggers) {
            assertThat(byDedupKey.get(LoadDriver.dedupKey(action))).as("incidents of %s", action).hasSize(1);
        }
        for (String action : approvals) {
            assertThat(byDedupKey.get(LoadDriver.dedupKey(action)).get(0).status()).as("incident of approved %s", action)
                    .isEqualTo(IncidentStatus.RESOLVED);
        }
        // Also keys the service stored without answering 202 (the answer was lost to a kill): never two incidents.
        assertThat(byDedupKey.entrySet()).as("dedup keys with more than one incident")
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).hasSize(1));

        List<RecordedRequest> requests = pagerDuty.requests();
        Map<String, List<RecordedRequest>> acceptedByKey = new LinkedHashMap<>();
        for (RecordedRequest request : requests) {
            if (request.accepted() && request.dedupKey() != null) {
                acceptedByKey.computeIfAbsent(request.dedupKey(), k -> new ArrayList<>()).add(request);
            }
        }
        List<Repeat> repeats = new ArrayList<>();
        int resolves = 0;
        for (Map.Entry<String, List<RecordedRequest>> entry : acceptedByKey.entrySet()) {
            List<String> actions = entry.getValue().stream().map(r -> r.json().get("event_action").asString()).toList();
            int firstTrigger = actions.indexOf("trigger");
            int firstResolve = actions.indexOf("resolve");
            assertThat(firstResolve == -1 || (firstTrigger != -1 && firstTrigger < firstResolve))
                    .as("resolve after trigger for %s: %s", entry.getKey(), actions).isTrue();
            resolves += firstResolve == -1 ? 0 : 1;
            List<RecordedRequest> acceptedTriggers = entry.getValue().stream()
                    .filter(r -> "trigger".equals(r.json().get("event_action").asString())).toList();
            for (int i = 1; i < acceptedTriggers.size(); i++) {
                repeats.add(new Repeat(entry.getKey(), acceptedTriggers.get(i - 1).receivedAtEpochNanos(),
                        acceptedTriggers.get(i).receivedAtEpochNanos()));
            }
        }

        SimulatorStats stats = pagerDuty.stats();
        assertThat(stats.byOutcome().getOrDefault(EventOutcome.THROTTLED, 0L))
                .as("events PagerDuty answered 429 for its rate limit").isZero();
        int maxInWindow = stats.maxEventsPerWindowByRoutingKey().values().stream().mapToInt(Integer::intValue).max()
                .orElse(0);
        assertThat(maxInWindow).as("most events of one routing key in a 60 s window").isLessThanOrEqualTo(rateLimit);
        Set<String> distinct = new HashSet<>(triggers);
        return new Result(distinct.size(), resolves, stats.requests(), stats.byStatus(), repeats.size(), repeats,
                maxInWindow);
    }

    /**
     * The simulator applies an event when it arrives but records the request only once answered (after
     * any injected latency): wait until every event applied to an incident is in the record, so the
     * checks see every request, the slow answers too.
     */
    private static void awaitAnswered(PagerDutySimulator pagerDuty) {
        Awaitility.await("PagerDuty answered every event it applied").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
                    Set<Long> recorded = pagerDuty.requests().stream().map(RecordedRequest::sequence)
                            .collect(Collectors.toSet());
                    return pagerDuty.incidents().stream().flatMap(i -> i.log().stream())
                            .allMatch(entry -> recorded.contains(entry.requestSequence()));
                });
    }

    private static Map<String, List<SimIncident>> incidentsByDedupKey(PagerDutySimulator pagerDuty) {
        return pagerDuty.incidents().stream().collect(Collectors.groupingBy(SimIncident::dedupKey));
    }

    /** The wall clock in epoch nanoseconds, comparable with the simulator's receivedAt times. */
    static long nowEpochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
