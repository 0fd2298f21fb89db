package app.ascend.notify.maintenance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Weekly planned work: on each listed weekday, from {@code startTime} to {@code endTime} wall-clock
 * time in {@code timeZone}. The weekday is the day an occurrence starts; an end at or before the start
 * falls on the next day (22:00–02:00 crosses midnight, 00:00–00:00 is a whole day).
 *
 * <p>Wall-clock times become instants the java.time way ({@link ZonedDateTime#of}): a time that a
 * spring-forward day skips moves forward by the gap, a time that a fall-back day repeats means its
 * first occurrence. So 22:00–06:00 lasts 7 hours on the night clocks go forward and 9 on the night
 * they go back, exactly as the people doing the work experience it.
 */
record WeeklyRecurrence(Set<DayOfWeek> weekdays, LocalTime startTime, LocalTime endTime, ZoneId timeZone) {

    WeeklyRecurrence {
        weekdays = weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
    }

    /**
     * The occurrence covering {@code at}, if any. Its end is where muting really stops: an occurrence
     * followed without a gap by the next day's (Monday 00:00–00:00 and Tuesday 00:00–00:00) runs on
     * to the end of the last one, so "until" never names a moment at which the window is still on.
     */
    Optional<Occurrence> occurrenceAt(Instant at) {
        LocalDate today = at.atZone(timeZone).toLocalDate();
        // An occurrence lasts at most one day (25 hours across a fall-back), so only one that starts the
        // day before or on the same local day can cover the instant.
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (weekdays.contains(day.getDayOfWeek())) {
                Occurrence occurrence = startingOn(day);
                if (occurrence.covers(at)) {
                    return Optional.of(extendedThroughFollowingDays(occurrence, day));
                }
            }
        }
        return Optional.empty();
    }

    /** The occurrence that starts on {@code day} (whether or not the weekday is listed). */
    Occurrence startingOn(LocalDate day) {
        ZonedDateTime start = ZonedDateTime.of(day, startTime, timeZone);
        LocalDate endDay = endTime.isAfter(startTime) ? day : day.plusDays(1);
        ZonedDateTime end = ZonedDateTime.of(endDay, endTime, timeZone);
        return new Occurrence(start.toInstant(), end.toInstant());
    }

    private Occurrence extendedThroughFollowingDays(Occurrence occurrence, LocalDate day) {
        Occurrence run = occurrence;
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < 7 && weekdays.contains(next.getDayOfWeek()); i++, next = next.plusDays(1)) {
            Occurrence following = startingOn(next);
            if (following.start().isAfter(run.end())) {
                break;
            }
            run = new Occurrence(run.start(), following.end().isAfter(run.end()) ? following.end() : run.end());
        }
        return run;
    }
}
