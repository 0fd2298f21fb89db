package app.ascend.notify.outbound;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds a blocking exchange as a whole, not only each read: a receiver or proxy that trickles or stalls the body
 * would otherwise hold the calling thread for ever, since a socket timeout restarts with every byte. Past the bound
 * the exchange is aborted ({@code onExpiry}, which closes its connection), and the blocked read fails at once. One
 * timer thread serves every send.
 *
 * <p>Use: {@code start} before the send, {@link #expired()} where the send failed (then it was a timeout),
 * {@link #end()} in {@code finally}.
 */
final class ExchangeDeadline {
    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int EXPIRED = 2;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Runnable onExpiry;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> alarm;

    private ExchangeDeadline(Duration bound, Runnable onExpiry) {
        this.onExpiry = onExpiry;
        this.alarm = TIMER.schedule(this::expire, Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS);
    }

    static ExchangeDeadline start(Duration bound, Runnable onExpiry) {
        return new ExchangeDeadline(bound, onExpiry);
    }

    private void expire() {
        if (state.compareAndSet(RUNNING, EXPIRED)) {
            onExpiry.run();
        }
    }

    /** Whether the bound passed before the exchange ended (a failure of the send is then this deadline's abort). */
    boolean expired() {
        return state.get() == EXPIRED;
    }

    /** Stops the timer: an exchange that ended in time is never aborted afterwards. */
    void end() {
        state.compareAndSet(RUNNING, ENDED);
        alarm.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outbound-exchange-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
