package app.ascend.notify.maintenance;

import static app.ascend.notify.maintenance.MaintenanceKit.WINDOWS;
import static app.ascend.notify.maintenance.MaintenanceKit.minutesFromNow;
import static app.ascend.notify.maintenance.MaintenanceKit.newActionId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Recurring windows through the API, against the real clock: each test builds its weekday and times
 * around "now" in a time zone. DST and the other edge cases are pinned to fixed instants in RecurrenceTest.
 */
class RecurringWindowIT extends ApiTest {

    @Test
    void anOccurrenceRunningNowInItsTimeZoneSuppressesUntilItsEnd() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        ZonedDateTime start = ZonedDateTime.now(kolkata).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime end = start.plusMinutes(60);

        JsonNode window = kit.window(Map.of("name", "Daily batch", "recurrence", recurrence(start, end, kolkata)));

        assertThat(window.get("active").booleanValue()).as(window.toString()).isTrue();
        assertThat(window.get("active_until").stringValue()).isEqualTo(end.toInstant().toString());
        String eventId = kit.event("action.blocked", newActionId());
        assertThat(kit.decision(eventId, channel).get("reason").stringValue())
                .isEqualTo("suppressed by maintenance window Daily batch until " + end.toInstant());
        assertThat(kit.admin().get(WINDOWS + "?active=true").json().get("items").get(0).get("id"))
                .isEqualTo(window.get("id"));
    }

    @Test
    void anOccurrenceThatStartedYesterdayEveningCoversPastMidnight() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        ZoneOffset halfPastMidnight = offsetWhereItIsNow(LocalTime.of(0, 30));
        ZonedDateTime local = ZonedDateTime.now(halfPastMidnight);
        ZonedDateTime start = local.toLocalDate().minusDays(1).atTime(23, 0).atZone(halfPastMidnight);
        ZonedDateTime end = local.toLocalDate().atTime(2, 0).atZone(halfPastMidnight);

        JsonNode window = kit.window(Map.of("name", "Nightly", "recurrence", recurrence(start, end, halfPastMidnight)));

        assertThat(window.get("recurrence").get("start_time").stringValue()).isEqualTo("23:00");
        assertThat(window.get("recurrence").get("end_time").stringValue()).isEqualTo("02:00");
        assertThat(window.get("active").booleanValue()).as(window.toString()).isTrue();
        assertThat(window.get("active_until").stringValue()).isEqualTo(end.toInstant().toString());
        String eventId = kit.event("policy.violation", newActionId());
        assertThat(kit.decision(eventId, channel).get("outcome").stringValue()).isEqualTo("suppressed");
    }

    @Test
    void otherWeekdaysAndOtherHoursDoNotSuppress() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime now = ZonedDateTime.now(berlin);
        // Same hours, but a day later: its occurrence is tomorrow (and so is none yesterday's).
        ZonedDateTime tomorrow = now.plusDays(1).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        // Today, but starting in two hours.
        ZonedDateTime later = now.plusHours(2).truncatedTo(ChronoUnit.MINUTES);

        JsonNode otherDay = kit.window(Map.of("name", "other day", "recurrence", recurrence(tomorrow, tomorrow.plusHours(1), berlin)));
        JsonNode otherHours = kit.window(Map.of("name", "other hours", "recurrence", recurrence(later, later.plusHours(1), berlin)));

        assertThat(otherDay.get("active").booleanValue()).isFalse();
        assertThat(otherHours.get("active").booleanValue()).isFalse();
        assertThat(otherHours.get("active_until").isNull()).isTrue();
        String eventId = kit.event("action.blocked", newActionId());
        assertThat(kit.decision(eventId, channel).get("outcome").stringValue()).isEqualTo("queued");
    }

    @Test
    void theRecurrenceAppliesOnlyWithinStartsAtAndEndsAt() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        ZoneId utc = ZoneId.of("UTC");
        ZonedDateTime start = ZonedDateTime.now(utc).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> everyDayNow = recurrence(start, start.plusHours(1), utc);

        JsonNode notYet = kit.window(Map.of("name", "from next week", "starts_at", minutesFromNow(60 * 24 * 7),
                "recurrence", everyDayNow));
        JsonNode over = kit.window(Map.of("name", "until yesterday", "starts_at", minutesFromNow(-60 * 24 * 30),
                "ends_at", minutesFromNow(-60 * 24), "recurrence", everyDayNow));
        String cutShortAt = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode cutShort = kit.window(Map.of("name", "ends mid-occurrence", "starts_at", minutesFromNow(-60),
                "ends_at", cutShortAt, "recurrence", everyDayNow));

        assertThat(notYet.get("active").booleanValue()).isFalse();
        assertThat(over.get("active").booleanValue()).isFalse();
        assertThat(cutShort.get("active_until").stringValue()).isEqualTo(cutShortAt);
        String eventId = kit.event("action.blocked", newActionId());
        assertThat(kit.decision(eventId, channel).get("reason").stringValue())
                .isEqualTo("suppressed by maintenance window ends mid-occurrence until " + cutShortAt);
    }

    /** A recurrence on {@code start}'s weekday from its time to {@code end}'s time, in {@code zone}. */
    private static Map<String, Object> recurrence(ZonedDateTime start, ZonedDateTime end, ZoneId zone) {
        return Map.of("weekdays", List.of(start.getDayOfWeek().name().toLowerCase(Locale.ROOT)),
                "start_time", start.toLocalTime().toString(), "end_time", end.toLocalTime().toString(),
                "time_zone", zone.getId());
    }

    /** A fixed offset (within ±12 h) at which the wall clock now shows about {@code time}. */
    private static ZoneOffset offsetWhereItIsNow(LocalTime time) {
        long utcMinute = ZonedDateTime.now(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 60;
        long minutes = Math.floorMod(time.toSecondOfDay() / 60 - utcMinute, 24 * 60);
        if (minutes > 12 * 60) {
            minutes -= 24 * 60;
        }
        return ZoneOffset.ofTotalSeconds((int) minutes * 60);
    }
}
