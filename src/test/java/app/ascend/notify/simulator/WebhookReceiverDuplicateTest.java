package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code webhook-id} accepted twice on one endpoint marks the second as a duplicate: the id is the receiver's
 * idempotency key and stays the same across retries (spec "Webhook metadata"), so a sender should not resend
 * after a 2xx. A retry after a refusal is no duplicate.
 */
class WebhookReceiverDuplicateTest {

    private static final String BODY = "{\"type\":\"governance.action.blocked\"}";

    private final SignedWebhooks sender = new SignedWebhooks();
    private final String secret = SignedWebhooks.newSecret(32);
    private PagerDutySimulator sim;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.start(0);
        sim.webhooks().setSecrets("ops-hook", List.of(secret));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int deliver(String endpoint, String id) {
        return sender.deliver(sim.webhookUrl(endpoint), id, System.currentTimeMillis() / 1000, BODY, secret)
                .statusCode();
    }

    @Test
    void theSameIdAcceptedAgainIsMarkedDuplicate() {
        List<Integer> statuses = List.of(deliver("ops-hook", "msg_1"), deliver("ops-hook", "msg_1"),
                deliver("ops-hook", "msg_2"));

        assertThat(statuses).containsOnly(204);
        assertThat(sim.webhooks().messages("ops-hook")).extracting(ReceivedWebhook::duplicate)
                .containsExactly(false, true, false);
        assertThat(sim.webhooks().stats().duplicates()).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneIdAreAcceptedOnceAndDuplicatesAfter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                sent.add(pool.submit(() -> deliver("ops-hook", "msg_race")));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ReceivedWebhook> messages = sim.webhooks().messages("ops-hook");
        assertThat(messages).hasSize(24);
        assertThat(messages.get(0).duplicate()).as("the first in arrival order is the original").isFalse();
        assertThat(messages.subList(1, 24)).allSatisfy(message -> assertThat(message.duplicate()).isTrue());
    }

    @Test
    void aRetryAfterARefusalIsNoDuplicate() {
        sim.webhooks().injectFault("ops-hook", WebhookFault.status(503, 1));

        deliver("ops-hook", "msg_1");
        deliver("ops-hook", "msg_1");

        assertThat(sim.webhooks().requests("ops-hook")).extracting(ReceivedWebhook::status, ReceivedWebhook::duplicate)
                .containsExactly(tuple(503, false),
                        tuple(204, false));
    }

    @Test
    void idsAreCountedPerEndpoint() {
        sim.webhooks().setSecrets("other-hook", List.of(secret));

        deliver("ops-hook", "msg_1");
        deliver("other-hook", "msg_1");

        assertThat(sim.webhooks().requests()).extracting(ReceivedWebhook::duplicate).containsExactly(false, false);
    }

    @Test
    void forgettingTheEndpointForgetsItsIds() {
        deliver("ops-hook", "msg_1");
        sim.webhooks().forget("ops-hook");

        deliver("ops-hook", "msg_1");

        assertThat(sim.webhooks().messages("ops-hook")).singleElement().satisfies(message -> {
            assertThat(message.duplicate()).isFalse();
            assertThat(message.verified()).isFalse();
        });
    }
}
