package app.ascend.notify.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). A date is measured
 * from the injected clock; one already past, like negative seconds, means "retry now" (zero), never
 * "wait that long again". Unreadable values are no hint at all.
 */
public final class RetryAfterHeader {
    private RetryAfterHeader() {
    }

    public static Optional<Duration> parse(Optional<String> header, Clock clock) {
        return header.map(String::trim).filter(value -> !value.isEmpty()).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException unparseable) {
                    return Optional.empty();
                }
            }
        });
    }
}
