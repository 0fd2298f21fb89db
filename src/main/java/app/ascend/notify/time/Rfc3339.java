package app.ascend.notify.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 date-times with an offset, limited to the years 0001–9999 in UTC: RFC 3339 itself has
 * four-digit years, and PostgreSQL refuses a timestamp past 9999 with an error that would otherwise
 * reach the caller as a 500 instead of a 400 naming the field.
 */
public final class Rfc3339 {
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Rfc3339() {
    }

    /** @throws DateTimeParseException when {@code text} is not RFC 3339 with an offset or is outside 0001–9999 */
    public static Instant parse(String text) {
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 0001-9999", text, 0);
        }
        return instant;
    }
}
