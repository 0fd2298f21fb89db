package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * PagerDuty takes about 120 events per minute per routing key over a sliding 60 s window ([D5]). A
 * burst of 1,000 events for one key goes out 120 per clock minute, never a 429, each event once;
 * while the key's budget is spent the waiting deliveries go out critical first. The service and this
 * class's own simulator share one clock, which the test moves a minute at a time.
 */
@Import(RateLimitBurstIT.SharedClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitBurstIT extends ApiTest {
    private static final int EVENTS = 1000;
    private static final int PER_MINUTE = 120;
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final PagerDutySimulator LIMITED = PagerDutySimulator.builder().port(0).clock(CLOCK)
            .rateLimit(PER_MINUTE).start();

    /** The service reads the same clock as its PagerDuty. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void limitedPagerDuty(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, LIMITED::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        LIMITED.close();
    }

    @Autowired
    private DeliveryDispatcher dispatcher;

    @Test
    void aThousandEventsForOneKeyGoOut120AMinuteCriticalFirstEachOnce() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ArrayNode> batches = List.of(Events.array(), Events.array());
        for (int i = 0; i < EVENTS; i++) {
            batches.get(i / 500).add(Events.event("action.blocked")
                    .put("action_id", "act_burst_" + run + "_" + i)
                    .put("risk_level", riskLevel(i)));
        }

        batches.forEach(org::postBatch);

        List<List<RecordedRequest>> windows = new ArrayList<>();
        long lastSequence = 0;
        int sent = 0;
        while (sent < EVENTS) {
            int expected = Math.min(PER_MINUTE, EVENTS - sent);
            int total = sent + expected;
            awaitQuiet(org, channel, routingKey, total);
            long from = lastSequence;
            List<RecordedRequest> window = requestsTo(routingKey).stream().filter(r -> r.sequence() > from).toList();
            assertThat(window).as("requests in clock minute %d", windows.size() + 1).hasSize(expected);
            assertThat(window).allMatch(r -> r.status() == 202, "accepted, never throttled");
            windows.add(window);
            lastSequence = window.get(window.size() - 1).sequence();
            sent = total;
            CLOCK.advance(Duration.ofSeconds(61));
            dispatcher.wake();
        }

        List<RecordedRequest> all = requestsTo(routingKey);
        assertThat(all).hasSize(EVENTS).allMatch(r -> r.status() == 202);
        Map<String, Long> perDedupKey = all.stream().collect(Collectors.groupingBy(RecordedRequest::dedupKey,
                Collectors.counting()));
        assertThat(perDedupKey).hasSize(EVENTS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        List<SimIncident> incidents = LIMITED.incidents().stream().filter(i -> routingKey.equals(i.routingKey())).toList();
        assertThat(incidents).hasSize(EVENTS).allMatch(i -> i.triggerCount() == 1);
        assertThat(LIMITED.stats().maxEventsPerWindowByRoutingKey().get(routingKey)).isEqualTo(PER_MINUTE);

        // From the second minute on, everything sent had been waiting for the key's budget since the first
        // minute. Critical first: a minute's budget goes to the critical events still waiting before any
        // other, so no critical event is left for a later minute while a less urgent one goes out. (Within a
        // minute the sends run on several workers at once, so two of them may reach PagerDuty in either
        // order a few milliseconds apart; which minute each one got is what the budget decides.)
        Set<String> sentBefore = new HashSet<>(dedupKeys(windows.get(0)));
        for (int w = 1; w < windows.size(); w++) {
            List<RecordedRequest> window = windows.get(w);
            long waitingCritical = perDedupKey.keySet().stream()
                    .filter(key -> !sentBefore.contains(key) && critical(key, run)).count();
            long sentCritical = window.stream().filter(RateLimitBurstIT::isCritical).count();
            assertThat(sentCritical).as("critical events sent in minute %d, of %d waiting", w + 1, waitingCritical)
                    .isEqualTo(Math.min(waitingCritical, window.size()));
            sentBefore.addAll(dedupKeys(window));
        }
        assertThat(windows.get(1)).as("minute 2: more critical events waiting than its budget")
                .allMatch(RateLimitBurstIT::isCritical);
        assertThat(windows).hasSize(9);
    }

    /** Waits until {@code total} events reached PagerDuty and every other delivery waits for a later minute. */
    private void awaitQuiet(Pipeline org, String channel, String routingKey, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (requestsTo(routingKey).size() != total) {
                return false;
            }
            List<JsonNode> pending = org.allDeliveries("channel_id=" + channel + "&status=pending");
            Instant now = CLOCK.instant();
            return pending.size() == EVENTS - total && pending.stream()
                    .allMatch(d -> Instant.parse(d.get("next_attempt_at").stringValue()).isAfter(now));
        });
    }

    private static List<RecordedRequest> requestsTo(String routingKey) {
        return LIMITED.requests().stream().filter(r -> routingKey.equals(r.routingKey())).toList();
    }

    private static String riskLevel(int i) {
        return switch (i % 4) {
            case 0 -> "critical";
            case 1 -> "high";
            case 2 -> "medium";
            default -> "low";
        };
    }

    private static boolean critical(String dedupKey, String run) {
        int i = Integer.parseInt(dedupKey.substring(("ascend-act_burst_" + run + "_").length()));
        return "critical".equals(riskLevel(i));
    }

    private static boolean isCritical(RecordedRequest request) {
        return "critical".equals(request.json().get("payload").get("severity").stringValue());
    }

    private static List<String> dedupKeys(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::dedupKey).toList();
    }
}
