package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.simulator.PagerDutySimulator;

/**
 * A PagerDuty (or proxy) that sends the headers and then stalls the body must not hold the sender: the
 * whole exchange is bounded, and past the bound the send is a retryable timeout. Real HTTP against the
 * bundled simulator's stall fault.
 */
class StalledBodyTimesOutTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final byte[] TRIGGER = ("{\"routing_key\":\"" + "a".repeat(32) + "\",\"event_action\":\"trigger\","
            + "\"dedup_key\":\"stalled\",\"payload\":{\"summary\":\"s\",\"source\":\"src\",\"severity\":\"info\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private PagerDutySimulator pagerDuty;

    @BeforeEach
    void start() {
        pagerDuty = PagerDutySimulator.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        pagerDuty.close();
    }

    @Test
    void aBodyThatNeverEndsIsARetryableTimeoutWithinTheBound() {
        PagerDutyClient client = new PagerDutyClient(pagerDuty.baseUrl(), BOUND, Clock.systemUTC());
        pagerDuty.stallBodyNext(1);

        CompletableFuture<SendResult> send = CompletableFuture.supplyAsync(() -> client.enqueue("us", TRIGGER));

        Awaitility.await().atMost(BOUND.multipliedBy(5)).until(send::isDone);
        SendResult result = send.join();
        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.message()).startsWith("no complete answer from PagerDuty within");
        assertThat(pagerDuty.acceptedEvents()).hasSize(1); // PagerDuty may have taken it: the retry is folded by dedup key
    }

    @Test
    void theNextSendAfterAStallIsAnsweredNormally() {
        PagerDutyClient client = new PagerDutyClient(pagerDuty.baseUrl(), BOUND, Clock.systemUTC());
        pagerDuty.stallBodyNext(1);
        CompletableFuture<SendResult> stalled = CompletableFuture.supplyAsync(() -> client.enqueue("us", TRIGGER));
        Awaitility.await().atMost(BOUND.multipliedBy(5)).until(stalled::isDone);

        SendResult next = client.enqueue("us", TRIGGER);

        assertThat(next.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
        assertThat(next.httpStatus()).isEqualTo(202);
    }
}
