package app.ascend.notify.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.ascend.notify.web.DatabaseUnavailable;
import app.ascend.notify.web.ServiceBusyException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit across requests. Each ingest request hands its validated events to this writer and
 * waits; a writer thread ({@code ascend.ingest.writers}, two by default: the second overlaps one group's
 * statements with the other's commit, and the two lock in the same orders as two instances do) takes
 * every request waiting when it is free (up to {@code max-group-events}),
 * stores them in one transaction and answers each request once that transaction has committed. Under
 * load one commit (on H2 a write of the file, on PostgreSQL a WAL flush) and one set of multi-row
 * inserts serve many requests; alone, a request is committed at once, with no added wait. The 202
 * still means committed: nothing is answered before its commit returns.
 *
 * <p>One request's failure is its own: a group that fails for a reason other than an unreachable
 * database is committed again request by request, so a bad request does not fail the others. While the
 * database is unreachable, every waiting request is answered 503 at once rather than each waiting for
 * its own connection timeout.
 *
 * <p>Room: at most {@code max-waiting-events} events wait at once; a request that finds no room within
 * the connection timeout (or finds {@value #MAX_WAITING_REQUESTS} requests already waiting for room)
 * answers 503 with {@code Retry-After}, nothing stored.
 */
@Component
class IngestWriter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);
    /* Requests that may wait for room; each holds its parsed body meanwhile. */
    static final int MAX_WAITING_REQUESTS = 64;
    private final EventIngestService ingest;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final int roomSize;
    private final int maxGroupEvents;
    private final Duration groupWait;
    private final Duration admissionWait;
    private final AtomicInteger waitingForRoom = new AtomicInteger();
    private final DistributionSummary groupEvents;
    private final DistributionSummary groupRequests;
    private volatile boolean running;
    private volatile boolean closed;
    private final int writers;
    private final List<Thread> threads = new ArrayList<>();
    /* Each writer thread's own: a request taken while gathering that did not fit its group; it heads the next. */
    private final ThreadLocal<Waiting> carried = new ThreadLocal<>();

    /** A request waiting for its commit, and its answer. */
    private record Waiting(EventIngestService.Request request, CompletableFuture<List<EventIngestService.Accepted>> answer) {
        int size() {
            return request.events().size();
        }
    }

    IngestWriter(EventIngestService ingest, TransactionTemplate transactions, MeterRegistry registry,
            @Value("${ascend.ingest.max-waiting-events:5000}") int maxWaitingEvents,
            @Value("${ascend.ingest.max-group-events:1000}") int maxGroupEvents,
            @Value("${ascend.ingest.group-wait:0ms}") Duration groupWait,
            @Value("${ascend.ingest.writers:2}") int writers,
            @Value("${spring.datasource.hikari.connection-timeout:3000}") long admissionWaitMillis) {
        this.ingest = ingest;
        this.transactions = transactions;
        this.roomSize = Math.max(EventReader.MAX_BATCH, maxWaitingEvents);
        this.room = new Semaphore(roomSize, true);
        this.maxGroupEvents = Math.max(1, maxGroupEvents);
        this.groupWait = groupWait.isNegative() ? Duration.ZERO : groupWait;
        this.writers = Math.max(1, writers);
        this.admissionWait = Duration.ofMillis(admissionWaitMillis);
        this.groupEvents = DistributionSummary.builder("ascend.ingest.commit.events")
                .description("Events stored by one ingest commit (group commit across requests)")
                .register(registry);
        this.groupRequests = DistributionSummary.builder("ascend.ingest.commit.requests")
                .description("Ingest requests answered by one commit")
                .register(registry);
    }

    /** Stores the request's events; returns once they are committed. */
    List<EventIngestService.Accepted> write(String organizationId, List<IncomingEvent> events) {
        int size = events.size();
        if (!running || !enter(size)) {
            throw busy();
        }
        Waiting waiting = new Waiting(new EventIngestService.Request(organizationId, events), new CompletableFuture<>());
        queue.add(waiting);
        if (closed) {
            failWaiting(busy()); // stopped between the check and the queueing: nobody will commit it
        }
        try {
            return waiting.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // answered as the request's own failure would be (400, 503, ...)
            }
            throw e;
        }
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException("The service is at capacity; nothing was stored. Send the events again "
                + "after the Retry-After delay.", Duration.ofSeconds(1));
    }

    private boolean enter(int size) {
        if (room.tryAcquire(size)) {
            return true;
        }
        if (waitingForRoom.incrementAndGet() > MAX_WAITING_REQUESTS) {
            waitingForRoom.decrementAndGet();
            return false;
        }
        try {
            return room.tryAcquire(size, admissionWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waitingForRoom.decrementAndGet();
        }
    }

    private void run() {
        while (running || !queue.isEmpty() || carried.get() != null) {
            Waiting first = carried.get();
            carried.remove();
            try {
                first = first != null ? first : queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting> group = new ArrayList<>();
            group.add(first);
            int events = gather(group, first.size());
            try {
                commit(group);
            } catch (RuntimeException | Error e) {
                group.forEach(w -> w.answer().completeExceptionally(e)); // never leave a request waiting
                log.error("an ingest group of {} requests failed unexpectedly", group.size(), e);
            } finally {
                room.release(events);
            }
        }
        closed = true;
        failWaiting(busy());
    }

    /**
     * Adds what waits behind the group's first request, up to {@code max-group-events}; with a
     * {@code group-wait}, also what arrives within it after the first (a few ms trade latency for fewer
     * commits; 0, the default, takes only what is already waiting). Returns the group's events.
     */
    private int gather(List<Waiting> group, int events) {
        long deadline = System.nanoTime() + groupWait.toNanos();
        while (events < maxGroupEvents) {
            // Take, then check: with two writers a request peeked here may be taken by the other before this
            // one polls, and the poll then returns another request, which was left in no group and never
            // answered (the benchmark saw 1 or 2 requests in 10,000 wait out the client's 30 s at 1,000/s).
            Waiting next = queue.poll();
            if (next == null) {
                next = arrivingWithin(deadline - System.nanoTime());
                if (next == null) {
                    return events;
                }
            }
            if (events + next.size() > maxGroupEvents) {
                carried.set(next); // it heads this writer's next group
                return events;
            }
            group.add(next);
            events += next.size();
        }
        return events;
    }

    private Waiting arrivingWithin(long nanos) {
        if (nanos <= 0) {
            return null;
        }
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void commit(List<Waiting> group) {
        try {
            List<List<EventIngestService.Accepted>> answers = store(group);
            groupEvents.record(group.stream().mapToInt(Waiting::size).sum());
            groupRequests.record(group.size());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                group.forEach(w -> w.answer().completeExceptionally(e));
                failWaiting(e); // they would each wait for a connection only to fail the same way
            } else if (group.size() > 1) {
                log.debug("an ingest group of {} requests failed ({}); committing its requests one by one",
                        group.size(), e.toString());
                group.forEach(w -> commit(List.of(w)));
            } else {
                group.get(0).answer().completeExceptionally(e);
            }
        }
    }

    /** One transaction; once more if a concurrent request (another instance) stored a sender id first. */
    private List<List<EventIngestService.Accepted>> store(List<Waiting> group) {
        List<EventIngestService.Request> requests = group.stream().map(Waiting::request).toList();
        try {
            return transactions.execute(tx -> ingest.ingestAll(requests));
        } catch (EventIngestService.ConcurrentDuplicateException raced) {
            return transactions.execute(tx -> ingest.ingestAll(requests)); // the other event is now visible
        }
    }

    /** The database cannot be reached (not a deadlock or a conflict, which a retry alone may pass). */
    private static boolean unreachable(RuntimeException e) {
        return DatabaseUnavailable.causedBy(e) && !(e instanceof ConcurrencyFailureException);
    }

    private void failWaiting(RuntimeException e) {
        List<Waiting> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        waiting.forEach(w -> {
            w.answer().completeExceptionally(e);
            room.release(w.size());
        });
    }

    @Override
    public void start() {
        closed = false; // started again after a stop (a paused test context, a restarted lifecycle)
        running = true;
        threads.clear();
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::run, "ingest-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            threads.add(writer);
        }
    }

    /** After the web server has finished its requests (a lower phase stops later): what waits is committed. */
    @Override
    public void stop() {
        running = false;
        try {
            for (Thread writer : threads) {
                writer.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
