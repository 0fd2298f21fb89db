package app.ascend.notify.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * {@code Retry-After} is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); a date is read
 * against the injected clock, and one already past means "now", not "that long again".
 */
class RetryAfterHeaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> parse(String value) {
        return RetryAfterHeader.parse(Optional.ofNullable(value), CLOCK);
    }

    @Test
    void secondsAreTakenAsTheyAre() {
        assertThat(parse("120")).contains(Duration.ofSeconds(120));
        assertThat(parse(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void aDateInTheFutureIsTheTimeUntilIt() {
        assertThat(parse("Sun, 06 Dec 2026 01:00:45 GMT")).contains(Duration.ofSeconds(45));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(parse("Sun, 06 Dec 2026 00:55:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void negativeSecondsMeanNow() {
        assertThat(parse("-5")).contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableHeaderIsNoHint() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("soon")).isEmpty();
        assertThat(parse("")).isEmpty();
    }
}
