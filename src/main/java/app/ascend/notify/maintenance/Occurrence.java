package app.ascend.notify.maintenance;

import java.time.Instant;

/** One stretch of time a window mutes: from {@code start} (inclusive) to {@code end} (exclusive). */
record Occurrence(Instant start, Instant end) {

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
