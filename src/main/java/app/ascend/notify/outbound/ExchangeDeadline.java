package app.ascend.notify.outbound;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds a blocking exchange on the calling thread: past the bound the thread is interrupted, and the JDK
 * client's {@code send()} answers an interrupt by cancelling the exchange (which closes its connection,
 * JDK 16+) and throwing {@link InterruptedException}. One timer thread serves every send.
 *
 * <p>Use: {@code start} before the send, {@link #interruptedThisThread()} in its
 * {@code InterruptedException} handler, {@link #end()} in {@code finally}. An interrupt the deadline
 * delivered after the send had returned is cleared by {@link #end()}, so it never reaches the next send.
 */
final class ExchangeDeadline {
    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int EXPIRED = 2;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Thread caller;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> alarm;
    private boolean interruptSeen;

    private ExchangeDeadline(Thread caller, Duration bound) {
        this.caller = caller;
        this.alarm = TIMER.schedule(this::expire, Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS);
    }

    static ExchangeDeadline start(Duration bound) {
        return new ExchangeDeadline(Thread.currentThread(), bound);
    }

    private void expire() {
        if (state.compareAndSet(RUNNING, EXPIRED)) {
            caller.interrupt();
        }
    }

    /** Whether an {@link InterruptedException} the send threw is this deadline's (then it was a timeout). */
    boolean interruptedThisThread() {
        interruptSeen = state.get() == EXPIRED;
        return interruptSeen;
    }

    /** Stops the timer; clears an interrupt it delivered that the send did not see. */
    void end() {
        alarm.cancel(false);
        if (!state.compareAndSet(RUNNING, ENDED) && !interruptSeen) {
            // Expired just as the send returned: its interrupt is set or about to be; take it back.
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
        }
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
