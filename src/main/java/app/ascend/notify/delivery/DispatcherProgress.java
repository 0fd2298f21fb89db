package app.ascend.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the dispatcher is getting anywhere, for readiness: a running thread is not enough. It is stuck
 * when its loop has not come round for a while (a claim hanging on the database, a dead loop), or when
 * every worker is held by a send older than any send can legitimately take (the channel clients bound a
 * whole exchange, at 10-15 s; {@link #SEND_STUCK_AFTER} leaves a wide margin). Times come from
 * the caller's clock, so the rule is tested by moving a clock. Thread-safe.
 */
final class DispatcherProgress {
    /** A send running this long is not coming back: every channel client gives up on an exchange after 10-15 s. */
    static final Duration SEND_STUCK_AFTER = Duration.ofMinutes(1);
    /** The loop comes round at least every poll interval; this many intervals (at least a minute) without is stuck. */
    static final int MISSED_POLLS = 10;
    static final Duration LOOP_STUCK_AT_LEAST = Duration.ofMinutes(1);

    private final int workers;
    private final Duration loopStuckAfter;
    /* By ticket, not delivery id: a delivery taken over after its lease may be sent twice at once. */
    private final Map<Long, Instant> sendsStarted = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    private volatile Instant lastPassAt;

    DispatcherProgress(int workers, Duration pollInterval, Instant startedAt) {
        this.workers = workers;
        Duration polls = pollInterval.multipliedBy(MISSED_POLLS);
        this.loopStuckAfter = polls.compareTo(LOOP_STUCK_AT_LEAST) > 0 ? polls : LOOP_STUCK_AT_LEAST;
        this.lastPassAt = startedAt;
    }

    /** The loop came round (or claimed a batch): it is not hanging. */
    void passed(Instant now) {
        lastPassAt = now;
    }

    /** A send began; returns the ticket to end it with. */
    long sendStarted(Instant now) {
        long ticket = tickets.incrementAndGet();
        sendsStarted.put(ticket, now);
        return ticket;
    }

    void sendEnded(long ticket) {
        sendsStarted.remove(ticket);
    }

    /** Why the dispatcher cannot make progress at {@code now}, or empty while it can. */
    Optional<String> stuck(Instant now) {
        Duration sinceLastPass = Duration.between(lastPassAt, now);
        if (sinceLastPass.compareTo(loopStuckAfter) > 0) {
            return Optional.of("the dispatch loop has not come round for " + sinceLastPass.toSeconds() + " s");
        }
        Instant stuckBefore = now.minus(SEND_STUCK_AFTER);
        long stuckSends = sendsStarted.values().stream().filter(started -> started.isBefore(stuckBefore)).count();
        if (stuckSends >= workers) {
            return Optional.of("all " + workers + " workers are held by sends running over "
                    + SEND_STUCK_AFTER.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
