package app.ascend.notify.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deliveries that leave from memory. The transaction that queues a delivery (an ingest) inserts it
 * already claimed by this instance, under a lease, when it heads its sequence, and hands it to the
 * dispatcher once it has committed: the dispatcher sends it at once, with no claim query and no
 * conditional update in between (issue 12; docs/PERFORMANCE.md). The claim query stays for retries,
 * for the backlog, for deliveries waiting behind an earlier one of their sequence, and for takeovers:
 * a delivery handed off by an instance that then died is in flight under a lease like any claim, and
 * any instance takes it over when that lease ends.
 */
@Component
public class DeliveryHandoff {
    /* This instance's name in claimed_by: the process and a random suffix, new at every start. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<ClaimedDelivery> ready = new ConcurrentLinkedQueue<>();
    /* Deliveries in ready: at most one per worker waits in memory; past that they wait in the database. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int capacity;
    /* Rate keys whose budget the dispatcher found spent, until when: their deliveries wait in the database. */
    private final Map<String, Instant> throttled = new ConcurrentHashMap<>();
    private final DeliveryProperties properties;
    private final Clock clock;
    private volatile boolean open;
    private volatile Runnable onReady = () -> {
    };
    private volatile Runnable onWaiting = () -> {
    };

    public DeliveryHandoff(DeliveryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.capacity = Math.max(1, properties.workers());
    }

    /** The name this instance claims deliveries with. */
    public String instance() {
        return instance;
    }

    /**
     * Whether deliveries inserted now may be claimed on insert: the dispatcher is running, the insert is
     * in a transaction (they are handed over when it commits, never before), and the dispatcher keeps up.
     * When sends are slower than ingest, what is handed over waits in memory; past a few per worker new
     * deliveries wait in the database for a claim instead (in the benchmark an unbounded hand-off filled
     * the heap at 1,000 events/s).
     */
    boolean accepting() {
        return open && room() > 0 && TransactionSynchronizationManager.isSynchronizationActive();
    }

    /**
     * How many more may be handed over now. At most one per worker waits, so a handed-over delivery starts
     * within about one send of its commit, far inside its lease.
     */
    int room() {
        return capacity - waiting.get();
    }

    /**
     * Whether deliveries to this rate key should wait in the database: its budget was found spent and
     * has not freed yet. Handed over, each would be checked and put back one by one; waiting, they are
     * put back together (ThrottledKeyDoesNotDelayOtherKeysIT).
     */
    boolean throttled(String rateKey) {
        Instant until = throttled.get(rateKey);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        throttled.remove(rateKey, until);
        return false;
    }

    /** The dispatcher found the key's budget spent until {@code until}. */
    void throttle(String rateKey, Instant until) {
        if (throttled.size() > 10_000) {
            Instant now = clock.instant();
            throttled.values().removeIf(at -> !now.isBefore(at)); // keys freed since: bounded by live throttles
        }
        throttled.merge(rateKey, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When a lease taken now ends, by the database's clock (the one every instance agrees on). */
    Instant leaseEnd() {
        return clock.instant().plus(properties.lease());
    }

    /** Takes committed claims for sending; false when the dispatcher has stopped meanwhile (release them). */
    boolean offer(List<ClaimedDelivery> claimed) {
        if (!open) {
            return false;
        }
        waiting.addAndGet(claimed.size());
        ready.addAll(claimed);
        onReady.run();
        return true;
    }

    /** Deliveries were queued that only a claim will find (they wait behind others, or none was handed over). */
    void claimNeeded() {
        onWaiting.run();
    }

    /** The next delivery handed over, or null. */
    ClaimedDelivery poll() {
        ClaimedDelivery next = ready.poll();
        if (next != null) {
            waiting.decrementAndGet();
        }
        return next;
    }

    /**
     * The dispatcher starts taking deliveries: {@code onReady} wakes it to send what was handed over,
     * {@code onWaiting} to claim.
     */
    void open(Runnable onReady, Runnable onWaiting) {
        this.onReady = onReady;
        this.onWaiting = onWaiting;
        this.open = true;
    }

    /** The dispatcher stops: what it has not taken yet is returned, for it to release. */
    List<ClaimedDelivery> close() {
        open = false;
        List<ClaimedDelivery> left = new ArrayList<>();
        for (ClaimedDelivery d = poll(); d != null; d = poll()) {
            left.add(d);
        }
        return left;
    }
}
