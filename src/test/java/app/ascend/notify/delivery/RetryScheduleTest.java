package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backoff as a pure function of the attempt: no clock, no threads. */
class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;

    /** Always draws the largest jitter, so the delay is the undisturbed base. */
    private static final Random NO_JITTER = new Random() {
        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** Always draws 0, so the delay is the lower edge of equal jitter: half the base. */
    private static final Random MOST_JITTER = new Random() {
        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @ParameterizedTest(name = "retry {0} waits {1} s at most, {2} ms at least")
    @CsvSource({
            "1, 1, 500", "2, 2, 1000", "3, 4, 2000", "4, 8, 4000", "9, 256, 128000",
            "10, 300, 150000", "11, 300, 150000", "1000, 300, 150000", "2147483647, 300, 150000"})
    void delayDoublesFromOneSecondToTheFiveMinuteCapWithEqualJitter(int attempt, long maxSeconds, long minMillis) {
        assertThat(SCHEDULE.delayBefore(attempt, NO_JITTER)).isEqualTo(Duration.ofSeconds(maxSeconds));
        assertThat(SCHEDULE.delayBefore(attempt, MOST_JITTER)).isEqualTo(Duration.ofMillis(minMillis));
    }

    @Test
    void jitteredDelaysStayBetweenHalfTheBaseAndTheBase() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 15; attempt++) {
            Duration base = SCHEDULE.delayBefore(attempt, NO_JITTER);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(SCHEDULE.delayBefore(attempt, random)).isBetween(base.dividedBy(2), base);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameDelays() {
        assertThat(SCHEDULE.delayBefore(5, new Random(7))).isEqualTo(SCHEDULE.delayBefore(5, new Random(7)));
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> SCHEDULE.delayBefore(0, new Random()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at 1");
    }

    @Test
    void rateLimitedWithoutRetryAfterWaitsThirtySeconds() {
        // PagerDuty: "retrying 3 times with each request being 30 seconds apart" ([D5]).
        assertThat(SCHEDULE.afterRateLimited(Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "429 number {0} in a row without Retry-After waits {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 300", "6, 300", "40, 300", "2147483647, 300"})
    void repeated429sWithoutRetryAfterBackOffFurtherUpToFiveMinutes(int consecutive, long seconds) {
        // PagerDuty: retry a 429 "preferably with a backoff of a few minutes" ([D1]); 30 s first ([D5]).
        assertThat(SCHEDULE.afterRateLimited(Optional.empty(), consecutive)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void aRetryAfterIsHonouredWhateverTheStreak() {
        assertThat(SCHEDULE.afterRateLimited(Optional.of(Duration.ofSeconds(7)), 5)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void the429StreakCountsFromOne() {
        assertThatThrownBy(() -> SCHEDULE.afterRateLimited(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at 1");
    }

    @ParameterizedTest(name = "Retry-After {0} ms waits {1} ms")
    @CsvSource({
            "5000, 5000",           // honoured even below 30 s: PagerDuty said when
            "0, 1000", "-3000, 1000", "400, 1000",   // never a tight loop
            "600000, 600000"})      // above the 5 min cap because PagerDuty asked
    void rateLimitedHonoursRetryAfterWithinOneSecondFloor(long retryAfterMillis, long expectedMillis) {
        assertThat(SCHEDULE.afterRateLimited(Optional.of(Duration.ofMillis(retryAfterMillis))))
                .isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void eventExpiresOnceItHasWaitedTwentyFourHours() {
        Instant queued = Instant.parse("2026-03-14T00:00:00Z");

        assertThat(SCHEDULE.isExpired(queued, queued)).isFalse();
        assertThat(SCHEDULE.isExpired(queued, queued.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(SCHEDULE.isExpired(queued, queued.plus(Duration.ofHours(24)))).isTrue();
        assertThat(SCHEDULE.isExpired(queued, queued.plus(Duration.ofDays(3)))).isTrue();
        assertThat(SCHEDULE.isExpired(queued, queued.minusSeconds(5))).as("clock skew").isFalse();
    }

    @Test
    void customScheduleFollowsItsOwnNumbers() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(2), 3.0, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofHours(1));

        assertThat(schedule.delayBefore(1, NO_JITTER)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayBefore(3, NO_JITTER)).isEqualTo(Duration.ofSeconds(18));
        assertThat(schedule.delayBefore(4, NO_JITTER)).isEqualTo(Duration.ofSeconds(54));
        assertThat(schedule.delayBefore(5, NO_JITTER)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.afterRateLimited(Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.isExpired(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600))).isTrue();
    }

    @Test
    void invalidConfigurationIsRefusedWhenBuilt() {
        Duration s = Duration.ofSeconds(1);
        Duration min5 = Duration.ofMinutes(5);
        Duration s30 = Duration.ofSeconds(30);
        Duration h24 = Duration.ofHours(24);

        assertInvalid(() -> new RetrySchedule(Duration.ZERO, 2, min5, s30, h24), "initialDelay");
        assertInvalid(() -> new RetrySchedule(s, 0.5, min5, s30, h24), "multiplier");
        assertInvalid(() -> new RetrySchedule(s, Double.NaN, min5, s30, h24), "multiplier");
        assertInvalid(() -> new RetrySchedule(min5, 2, s, s, h24), "maxDelay");
        assertInvalid(() -> new RetrySchedule(s, 2, min5, Duration.ofMillis(500), h24), "rateLimitedMinimum");
        assertInvalid(() -> new RetrySchedule(s, 2, s30, min5, h24), "rateLimitedMinimum");
        assertInvalid(() -> new RetrySchedule(s, 2, min5, s30, min5), "maxAge");
        assertThatThrownBy(() -> new RetrySchedule(null, 2, min5, s30, h24)).isInstanceOf(NullPointerException.class);
    }

    private static void assertInvalid(Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
