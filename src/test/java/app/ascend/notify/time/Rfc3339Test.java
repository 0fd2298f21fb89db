package app.ascend.notify.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsFourDigitYearsWithAnOffset() {
        assertThat(Rfc3339.parse("2026-12-05T10:15:30+01:00")).isEqualTo(Instant.parse("2026-12-05T09:15:30Z"));
        assertThat(Rfc3339.parse("9999-12-31T23:59:59.999Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void refusesYearsPast9999AndBefore0001EvenThroughAnOffset() {
        assertThatThrownBy(() -> Rfc3339.parse("+10000-01-01T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse("9999-12-31T23:00:00-02:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse("0000-06-01T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse("2026-12-05T10:15:30")).isInstanceOf(DateTimeParseException.class);
    }
}
