package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Readiness follows the dispatcher's progress, not only its thread: DOWN when the loop has not come
 * round for ten poll intervals (at least a minute), or when every worker is held by a send running over a
 * minute (a stalled exchange). Time is moved by hand.
 */
class DispatcherProgressTest {
    private static final Instant START = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void aLoopThatComesRoundIsFine() {
        DispatcherProgress progress = new DispatcherProgress(2, Duration.ofSeconds(1), START);

        progress.passed(START.plusSeconds(50));

        assertThat(progress.stuck(START.plusSeconds(100))).isEmpty();
    }

    @Test
    void aLoopThatHasNotComeRoundForAMinuteIsStuck() {
        DispatcherProgress progress = new DispatcherProgress(2, Duration.ofSeconds(1), START);

        assertThat(progress.stuck(START.plusSeconds(60))).isEmpty();
        assertThat(progress.stuck(START.plusSeconds(61))).hasValueSatisfying(reason ->
                assertThat(reason).contains("has not come round for 61 s"));
    }

    @Test
    void aLongPollIntervalGivesTheLoopTenIntervals() {
        DispatcherProgress progress = new DispatcherProgress(2, Duration.ofSeconds(30), START);

        assertThat(progress.stuck(START.plusSeconds(300))).isEmpty();
        assertThat(progress.stuck(START.plusSeconds(301))).isPresent();
    }

    @Test
    void everyWorkerHeldBySendsOverAMinuteIsStuck() {
        DispatcherProgress progress = new DispatcherProgress(2, Duration.ofSeconds(1), START);
        progress.sendStarted(START);
        progress.sendStarted(START.plusSeconds(5));

        progress.passed(START.plusSeconds(65));
        assertThat(progress.stuck(START.plusSeconds(65))).as("one send is only 60 s old").isEmpty();
        progress.passed(START.plusSeconds(66));
        assertThat(progress.stuck(START.plusSeconds(66))).hasValueSatisfying(reason ->
                assertThat(reason).contains("all 2 workers are held by sends running over 60 s"));
    }

    @Test
    void aStuckSendLeavingFreesTheDispatcher() {
        DispatcherProgress progress = new DispatcherProgress(2, Duration.ofSeconds(1), START);
        progress.sendStarted(START);
        long second = progress.sendStarted(START);
        progress.passed(START.plusSeconds(90));
        assertThat(progress.stuck(START.plusSeconds(90))).isPresent();

        progress.sendEnded(second);

        assertThat(progress.stuck(START.plusSeconds(90))).isEmpty();
    }

    @Test
    void someWorkersHeldLongLeaveTheOthersWorking() {
        DispatcherProgress progress = new DispatcherProgress(3, Duration.ofSeconds(1), START);
        progress.sendStarted(START);
        progress.sendStarted(START);
        progress.passed(START.plusSeconds(120));

        assertThat(progress.stuck(START.plusSeconds(120))).isEmpty();
    }
}
