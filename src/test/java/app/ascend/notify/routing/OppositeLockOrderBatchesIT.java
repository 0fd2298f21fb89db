package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Requests that touch the same incidents lock them in one order, whatever the order of their events:
 * batches with the same 50 dedup keys, some in order and some reversed, posted at the same moment again
 * and again (triggers, then approvals), are all answered 202 (never a 503 for a deadlock) and every
 * event's trigger or resolve is queued exactly once. No rate limit here (this class's own PagerDuty and
 * the service's budget are both unlimited), so only the locking is tried.
 */
@TestPropertySource(properties = "ascend.pagerduty.rate-limit=0")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OppositeLockOrderBatchesIT extends ApiTest {
    private static final int KEYS = 50;
    private static final int ROUNDS = 4;
    private static final int SENDERS = 4;
    private static final PagerDutySimulator UNLIMITED = PagerDutySimulator.builder().port(0).rateLimit(0).start();

    @DynamicPropertySource
    static void unlimitedPagerDuty(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, UNLIMITED::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        UNLIMITED.close();
    }

    @Test
    void batchesWithTheSameKeysInOppositeOrdersAreAllAcceptedAndEachQueuedOnce() throws Exception {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            actions.add(Events.newActionId());
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // Triggers open (first round) or touch the incidents; approvals close them.
                List<String> triggers = postConcurrently(senders, org, actions,
                        action -> Events.trigger("action.blocked", action, 95));
                assertQueuedOnce(org, channel, triggers, Set.of("queued", "merged"));
                List<String> approvals = postConcurrently(senders, org, actions, Events::approval);
                assertThat(assertQueuedOnce(org, channel, approvals, Set.of("queued", "nothing_to_resolve")))
                        .as("resolves queued in round %d: one per incident", round + 1).hasSize(KEYS);
            }
        } finally {
            senders.shutdownNow();
        }

        // Order held through it all: every key's last word at PagerDuty is its resolve.
        eventually().untilAsserted(() -> {
            for (String action : actions) {
                List<SimIncident> incidents = UNLIMITED.incidentsFor(routingKey, "ascend-" + action);
                assertThat(incidents).as("incidents of %s", action).isNotEmpty()
                        .allMatch(i -> i.status() == IncidentStatus.RESOLVED);
            }
        });
    }

    /** Posts the keys' events from every sender at once, half of them in reverse; answers the event ids. */
    private List<String> postConcurrently(ExecutorService senders, Pipeline org, List<String> actions,
            Function<String, JsonNode> event) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiResponse>> answers = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            List<String> order = new ArrayList<>(actions);
            if (s % 2 == 1) {
                Collections.reverse(order);
            }
            ArrayNode batch = Events.array();
            order.forEach(action -> batch.add(event.apply(action)));
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return org.post(batch);
            }, senders));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<ApiResponse> answer : answers) {
            ApiResponse response = answer.get();
            assertThat(response.status()).as("a batch posted at the same time as %d others: %s", SENDERS - 1, response)
                    .isEqualTo(202);
            response.json().get("events").forEach(e -> ids.add(e.get("id").stringValue()));
        }
        return ids;
    }

    /**
     * Each event has one decision on the channel, with the expected outcome and at most one delivery;
     * answers the deliveries queued.
     */
    private static Set<String> assertQueuedOnce(Pipeline org, String channel, List<String> eventIds, Set<String> outcomes) {
        Set<String> deliveries = new HashSet<>();
        for (String id : eventIds) {
            JsonNode decision = org.decision(id, channel);
            assertThat(decision.get("outcome").stringValue()).as("outcome of %s", id).isIn(outcomes);
            assertThat(decision.get("deliveries")).as("deliveries of %s", id)
                    .hasSize("nothing_to_resolve".equals(decision.get("outcome").stringValue()) ? 0 : 1);
            decision.get("deliveries").forEach(d -> deliveries.add(d.get("id").stringValue()));
        }
        assertThat(deliveries).as("deliveries the round queued").isNotEmpty();
        return deliveries;
    }
}
