package app.ascend.notify.maintenance;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads {@code recurrence: {"weekdays", "start_time", "end_time", "time_zone"}}, every problem with its path. */
final class RecurrenceReader {
    private static final String PATH = "recurrence";
    private static final String WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private RecurrenceReader() {
    }

    /** The recurrence, or null when anything is wrong (errors recorded). */
    static WeeklyRecurrence read(JsonNode node, FieldErrors errors) {
        Optional<JsonFields> maybe = JsonFields.object(node, PATH, errors);
        if (maybe.isEmpty()) {
            return null;
        }
        JsonFields r = maybe.get();
        int before = errors.list().size();
        r.rejectUnknown(List.of("weekdays", "start_time", "end_time", "time_zone"));
        Set<DayOfWeek> weekdays = weekdays(r);
        LocalTime start = time(r, "start_time");
        LocalTime end = time(r, "end_time");
        ZoneId zone = r.string("time_zone", true, 100).flatMap(id -> {
            try {
                return Optional.of(ZoneId.of(id));
            } catch (DateTimeException e) {
                errors.add(r.path("time_zone"), "must be an IANA time zone such as Europe/Berlin or UTC");
                return Optional.empty();
            }
        }).orElse(null);
        return errors.list().size() > before ? null : new WeeklyRecurrence(weekdays, start, end, zone);
    }

    private static Set<DayOfWeek> weekdays(JsonFields r) {
        JsonNode node = r.get("weekdays");
        if (node == null || node.isNull()) {
            r.errors().add(r.path("weekdays"), "is required: a list of weekdays (" + WEEKDAYS + ")");
            return Set.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            r.errors().add(r.path("weekdays"), "must be a list of 1 to 7 weekdays (" + WEEKDAYS + ")");
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < node.size(); i++) {
            String path = r.path("weekdays") + "[" + i + "]";
            Optional<DayOfWeek> day = node.get(i).isString() ? weekday(node.get(i).stringValue()) : Optional.empty();
            if (day.isEmpty()) {
                r.errors().add(path, "must be one of " + WEEKDAYS);
            } else if (!days.add(day.get())) {
                r.errors().add(path, "lists " + node.get(i).stringValue() + " twice");
            }
        }
        return days;
    }

    private static Optional<DayOfWeek> weekday(String name) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** A wall-clock time as HH:mm; seconds would only invite off-by-a-second surprises. */
    private static LocalTime time(JsonFields r, String field) {
        return r.string(field, true, 20).flatMap(text -> {
            if (text.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                return Optional.of(LocalTime.parse(text));
            }
            r.errors().add(r.path(field), "must be a time of day as HH:mm (00:00 to 23:59), e.g. 22:00");
            return Optional.<LocalTime>empty();
        }).orElse(null);
    }
}
