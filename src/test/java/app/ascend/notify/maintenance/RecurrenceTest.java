package app.ascend.notify.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Weekly recurrence and window periods evaluated at fixed instants: no clock, no Spring, no database. */
class RecurrenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void coversTheListedWeekdayBetweenStartAndEndInItsTimeZone() {
        // Monday 2026-01-12, Berlin is UTC+1 in winter.
        WeeklyRecurrence mondays = weekly("22:00", "23:00", BERLIN, DayOfWeek.MONDAY);

        assertThat(mondays.occurrenceAt(at("2026-01-12T21:00:00Z"))).contains(occurrence("2026-01-12T21:00:00Z", "2026-01-12T22:00:00Z"));
        assertThat(mondays.occurrenceAt(at("2026-01-12T21:30:00Z"))).isPresent();
        assertThat(mondays.occurrenceAt(at("2026-01-12T20:59:59Z"))).as("21:59 local").isEmpty();
        assertThat(mondays.occurrenceAt(at("2026-01-12T22:00:00Z"))).as("the end is exclusive").isEmpty();
        assertThat(mondays.occurrenceAt(at("2026-01-13T21:30:00Z"))).as("Tuesday is not listed").isEmpty();
    }

    @Test
    void theSameWallClockTimesMeanOtherInstantsInAnotherTimeZone() {
        Instant mondayNoonUtc = at("2026-01-12T12:00:00Z");

        assertThat(weekly("11:00", "13:00", ZoneId.of("UTC"), DayOfWeek.MONDAY).occurrenceAt(mondayNoonUtc)).isPresent();
        assertThat(weekly("11:00", "13:00", ZoneId.of("Asia/Tokyo"), DayOfWeek.MONDAY).occurrenceAt(mondayNoonUtc))
                .as("noon UTC is 21:00 in Tokyo").isEmpty();
        assertThat(weekly("20:00", "22:00", ZoneId.of("Asia/Tokyo"), DayOfWeek.MONDAY).occurrenceAt(mondayNoonUtc))
                .contains(occurrence("2026-01-12T11:00:00Z", "2026-01-12T13:00:00Z"));
    }

    @Test
    void anEndBeforeTheStartCrossesMidnightIntoTheNextDay() {
        WeeklyRecurrence fridayNights = weekly("22:00", "02:00", BERLIN, DayOfWeek.FRIDAY);

        // Friday 2026-01-16 22:00 local to Saturday 02:00 local.
        Occurrence night = occurrence("2026-01-16T21:00:00Z", "2026-01-17T01:00:00Z");
        assertThat(fridayNights.occurrenceAt(at("2026-01-16T22:59:00Z"))).as("Friday 23:59").contains(night);
        assertThat(fridayNights.occurrenceAt(at("2026-01-16T23:30:00Z"))).as("Saturday 00:30, unlisted day").contains(night);
        assertThat(fridayNights.occurrenceAt(at("2026-01-17T01:00:00Z"))).as("Saturday 02:00").isEmpty();
        assertThat(fridayNights.occurrenceAt(at("2026-01-17T21:30:00Z"))).as("Saturday 22:30").isEmpty();
        assertThat(fridayNights.occurrenceAt(at("2026-01-15T23:30:00Z"))).as("Friday 00:30 belongs to Thursday").isEmpty();
    }

    @Test
    void aNightWhenClocksGoForwardIsAnHourShorter() {
        // Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
        WeeklyRecurrence saturdayNights = weekly("22:00", "06:00", BERLIN, DayOfWeek.SATURDAY);

        Optional<Occurrence> night = saturdayNights.occurrenceAt(at("2026-03-29T00:30:00Z"));

        assertThat(night).contains(occurrence("2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z"));
        assertThat(Duration.between(night.get().start(), night.get().end())).isEqualTo(Duration.ofHours(7));
        assertThat(saturdayNights.occurrenceAt(at("2026-03-29T03:59:59Z"))).isPresent();
        assertThat(saturdayNights.occurrenceAt(at("2026-03-29T04:00:00Z"))).as("06:00 CEST").isEmpty();
    }

    @Test
    void aNightWhenClocksGoBackIsAnHourLonger() {
        // Berlin: 2026-10-25 03:00 CEST becomes 02:00 CET.
        WeeklyRecurrence saturdayNights = weekly("22:00", "06:00", BERLIN, DayOfWeek.SATURDAY);

        Optional<Occurrence> night = saturdayNights.occurrenceAt(at("2026-10-25T04:30:00Z"));

        assertThat(night).contains(occurrence("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"));
        assertThat(Duration.between(night.get().start(), night.get().end())).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void aStartTimeTheSpringForwardSkipsMovesForwardByTheGap() {
        // 02:30 does not exist in Berlin on 2026-03-29; it becomes 03:30 CEST (01:30 UTC).
        WeeklyRecurrence sundays = weekly("02:30", "04:00", BERLIN, DayOfWeek.SUNDAY);

        assertThat(sundays.occurrenceAt(at("2026-03-29T01:45:00Z"))).contains(occurrence("2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"));
        assertThat(sundays.occurrenceAt(at("2026-03-29T01:15:00Z"))).as("03:15 CEST").isEmpty();
        assertThat(sundays.occurrenceAt(at("2026-04-05T00:45:00Z"))).as("a normal Sunday, 02:45 CEST")
                .contains(occurrence("2026-04-05T00:30:00Z", "2026-04-05T02:00:00Z"));
    }

    @Test
    void equalStartAndEndIsAWholeDayAndBackToBackDaysRunOn() {
        WeeklyRecurrence mondayAndTuesday = weekly("00:00", "00:00", BERLIN, DayOfWeek.MONDAY, DayOfWeek.TUESDAY);

        // Monday 2026-01-12 10:00 local: muted until Wednesday 00:00 local, not only until Tuesday.
        assertThat(mondayAndTuesday.occurrenceAt(at("2026-01-12T09:00:00Z")))
                .contains(occurrence("2026-01-11T23:00:00Z", "2026-01-13T23:00:00Z"));
        assertThat(mondayAndTuesday.occurrenceAt(at("2026-01-13T23:00:00Z"))).as("Wednesday 00:00").isEmpty();
    }

    @Test
    void aRecurringWindowAppliesOnlyWithinItsPeriodAndStopsAtItsEnd() {
        WeeklyRecurrence mondays = weekly("22:00", "23:00", BERLIN, DayOfWeek.MONDAY);
        MaintenanceWindow window = window(at("2026-01-12T00:00:00Z"), at("2026-01-19T21:30:00Z"), mondays);

        assertThat(window.activeUntil(at("2026-01-05T21:30:00Z"))).as("a Monday before the period").isEmpty();
        assertThat(window.activeUntil(at("2026-01-12T21:30:00Z"))).contains(at("2026-01-12T22:00:00Z"));
        assertThat(window.activeUntil(at("2026-01-19T21:10:00Z"))).as("the last occurrence is cut short")
                .contains(at("2026-01-19T21:30:00Z"));
        assertThat(window.activeUntil(at("2026-01-19T21:30:00Z"))).isEmpty();
        assertThat(window.activeUntil(at("2026-01-26T21:30:00Z"))).as("after the period").isEmpty();
    }

    @Test
    void aRecurringWindowWithoutEndRecursForever() {
        MaintenanceWindow window = window(at("2026-01-12T00:00:00Z"), null, weekly("22:00", "23:00", BERLIN, DayOfWeek.MONDAY));

        assertThat(window.activeUntil(at("2036-01-14T21:30:00Z"))).as("a Monday ten years on")
                .contains(at("2036-01-14T22:00:00Z"));
        assertThat(window.hasEnded(at("2036-01-14T21:30:00Z"))).isFalse();
    }

    @Test
    void aOneOffWindowMutesFromItsStartUntilItsEnd() {
        MaintenanceWindow window = window(at("2026-01-12T10:00:00Z"), at("2026-01-12T12:00:00Z"), null);

        assertThat(window.activeUntil(at("2026-01-12T09:59:59Z"))).isEmpty();
        assertThat(window.activeUntil(at("2026-01-12T10:00:00Z"))).contains(at("2026-01-12T12:00:00Z"));
        assertThat(window.activeUntil(at("2026-01-12T12:00:00Z"))).isEmpty();
        assertThat(window.hasEnded(at("2026-01-12T12:00:00Z"))).isTrue();
    }

    private static WeeklyRecurrence weekly(String start, String end, ZoneId zone, DayOfWeek... days) {
        return new WeeklyRecurrence(Arrays.stream(days).collect(Collectors.toSet()), LocalTime.parse(start),
                LocalTime.parse(end), zone);
    }

    private static MaintenanceWindow window(Instant startsAt, Instant endsAt, WeeklyRecurrence recurrence) {
        return new MaintenanceWindow("mw_test", "org_test", "test", startsAt, endsAt, null, null, null, false, recurrence,
                startsAt, startsAt);
    }

    private static Occurrence occurrence(String start, String end) {
        return new Occurrence(at(start), at(end));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
