package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.Batching;

/** Deliveries of a batching type leave together when their batch is full, too big for the next, or old enough. */
class BatchGatheringTest {
    private static final long SECOND = 1_000_000_000L;
    private final BatchGathering<String> gathering = new BatchGathering<>();

    @Test
    void aBatchLeavesWhenItHoldsItsMostMessages() {
        Batching three = new Batching(3, 1_000_000, Duration.ofSeconds(1));
        assertThat(gathering.add(item("hec", 10, three, "a"), 0)).isEmpty();
        assertThat(gathering.add(item("hec", 10, three, "b"), 0)).isEmpty();
        assertThat(gathering.add(item("hec", 10, three, "c"), 0)).containsExactly(List.of("a", "b", "c"));
        assertThat(gathering.isEmpty()).isTrue();
    }

    @Test
    void aMessageThatDoesNotFitStartsTheNextBatchAndTheFullOneLeaves() {
        Batching bytes = new Batching(100, 25, Duration.ofSeconds(1));
        assertThat(gathering.add(item("hec", 10, bytes, "a"), 0)).isEmpty();
        assertThat(gathering.add(item("hec", 10, bytes, "b"), 0)).isEmpty();
        assertThat(gathering.add(item("hec", 10, bytes, "c"), 0)).containsExactly(List.of("a", "b"));
        assertThat(gathering.all()).containsExactly(List.of("c"));
    }

    @Test
    void aMessageBiggerThanTheLimitLeavesAlone() {
        Batching bytes = new Batching(100, 25, Duration.ofSeconds(1));
        gathering.add(item("hec", 10, bytes, "a"), 0);
        assertThat(gathering.add(item("hec", 40, bytes, "huge"), 0)).containsExactly(List.of("a"), List.of("huge"));
        assertThat(gathering.isEmpty()).isTrue();
    }

    @Test
    void aBatchLeavesOnceItsFirstMessageHasWaitedItsMaxWait() {
        Batching second = new Batching(100, 1_000_000, Duration.ofSeconds(1));
        gathering.add(item("hec", 10, second, "a"), 0);
        gathering.add(item("hec", 10, second, "b"), SECOND / 2);
        assertThat(gathering.nextDueNanos()).hasValue(SECOND);
        assertThat(gathering.due(SECOND - 1)).isEmpty();
        assertThat(gathering.due(SECOND)).containsExactly(List.of("a", "b"));
    }

    @Test
    void withNoWaitWhatOnePassGatheredIsDueAtOnce() {
        Batching now = new Batching(100, 1_000_000, Duration.ZERO);
        gathering.add(item("hec", 10, now, "a"), 5);
        gathering.add(item("hec", 10, now, "b"), 5);
        assertThat(gathering.due(5)).containsExactly(List.of("a", "b"));
    }

    @Test
    void channelsAndDestinationsGatherApart() {
        Batching two = new Batching(2, 1_000_000, Duration.ofSeconds(1));
        gathering.add(item("hec-1", 10, two, "a"), 0);
        gathering.add(item("hec-2", 10, two, "b"), 0);
        assertThat(gathering.add(item("hec-1", 10, two, "c"), 0)).containsExactly(List.of("a", "c"));
        assertThat(gathering.all()).containsExactly(List.of("b"));
    }

    private static BatchGathering.Item<String> item(String key, int bytes, Batching limits, String value) {
        return new BatchGathering.Item<>(key, bytes, limits, value);
    }
}
