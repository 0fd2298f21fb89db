package app.ascend.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.Batching;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RateLimit;
import app.ascend.notify.channel.spi.SendResult;

/**
 * Sends the outbox. Woken as soon as an ingest commits (the happy path has no polling delay) and
 * every poll interval as a safety net; claims due deliveries in order and sends each on a worker, at
 * most {@code workers} at once. Anything it fails to finish stays in flight until its lease runs out,
 * then any instance takes it over.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int RECORD_BATCH = 256;
    /* A send starts only this long (or a tenth of the lease, if less) before its lease ends. */
    private static final Duration MAX_LEASE_MARGIN = Duration.ofSeconds(1);
    private final Outbox outbox;
    private final DeliveryRecorder recorder;
    private final RateBudget budget;
    private final ChannelTypes types;
    private final ChannelRepository channels;
    private final DeliveryProperties properties;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Semaphore permits;
    private final DeliveryHandoff handoff;
    private final String instance;
    private final Object signal = new Object();
    /* Guarded by signal: a claim is wanted (deliveries queued that were not handed over, a retry asked for). */
    private boolean claimRequested = true;
    /* Guarded by signal: deliveries were handed over, or permits freed, since the loop last looked. */
    private boolean lookAgain;
    /* The loop's own: the last claim stopped for want of permits or filled its batch, so more may be due. */
    private boolean backlog;
    private volatile boolean running;
    private Thread loop;
    private Thread recording;
    private ExecutorService workers;
    private volatile DispatcherProgress progress;
    /* Answers waiting for the recording thread, which commits them in batches (group commit). */
    private final BlockingQueue<DeliveryRecorder.Answered> answered = new LinkedBlockingQueue<>();
    /* The loop's own: deliveries of batching types waiting for the rest of their batch. */
    private final BatchGathering<Cleared> gathering = new BatchGathering<>();

    public DeliveryDispatcher(Outbox outbox, DeliveryRecorder recorder, RateBudget budget, ChannelTypes types,
            ChannelRepository channels, DeliveryProperties properties, DeliveryMetrics metrics, Clock clock,
            TransactionTemplate transactions, DeliveryHandoff handoff) {
        this.handoff = handoff;
        this.instance = handoff.instance();
        this.outbox = outbox;
        this.recorder = recorder;
        this.budget = budget;
        this.types = types;
        this.channels = channels;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.transactions = transactions;
        this.permits = new Semaphore(properties.workers());
    }

    /** Claim due deliveries now (the outbox asks after queueing deliveries it could not hand over). */
    public void wake() {
        synchronized (signal) {
            claimRequested = true;
            signal.notifyAll();
        }
    }

    /** Send what was handed over, and claim again only if a backlog is waiting. */
    private void lookAgain() {
        synchronized (signal) {
            lookAgain = true;
            signal.notifyAll();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether the running dispatcher gets anywhere (readiness). */
    DispatcherProgress progress() {
        return progress;
    }

    public String instance() {
        return instance;
    }

    @Override
    public void start() {
        progress = new DispatcherProgress(properties.workers(), properties.pollInterval(), clock.instant());
        running = true;
        workers = newWorkers();
        handoff.open(this::lookAgain, this::wake);
        loop = new Thread(this::run, "delivery-dispatcher");
        loop.setDaemon(true);
        loop.start();
        recording = new Thread(this::recordAnswers, "delivery-recorder");
        recording.setDaemon(true);
        recording.start();
        log.info("delivery dispatcher {} started: {} workers, channel types {}", instance, properties.workers(),
                types.names());
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            if (loop != null) {
                loop.join(5000);
            }
            List<String> notSent = new ArrayList<>(handoff.close().stream().map(ClaimedDelivery::id).toList());
            if (!loop.isAlive()) { // the loop's gathering is safe to read once it has ended
                for (List<Cleared> batch : gathering.all()) {
                    batch.forEach(cleared -> notSent.add(cleared.delivery().id()));
                    permits.release(batch.size());
                }
            }
            if (!notSent.isEmpty()) {
                try {
                    outbox.release(notSent); // another instance need not wait for their lease
                } catch (RuntimeException e) {
                    log.warn("{} deliveries handed over but not sent stay in flight until their lease ends: {}",
                            notSent.size(), e.toString());
                }
            }
            workers.shutdown();
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (recording != null) {
                recording.join(5000); // records what the workers answered before they stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long nextPoll = System.nanoTime();
        while (running) {
            boolean claim;
            synchronized (signal) {
                claim = claimRequested;
                claimRequested = false;
                lookAgain = false;
            }
            try {
                // Rate keys found spent in this pass, and when each one's next slot frees.
                Map<String, Instant> spent = new HashMap<>();
                sendHandedOver(spent);
                if (claim || backlog || System.nanoTime() - nextPoll >= 0) {
                    nextPoll = System.nanoTime() + properties.pollInterval().toNanos();
                    backlog = dispatchDue(spent);
                }
                sendGathered();
            } catch (RuntimeException e) {
                backlog = false;
                log.warn("dispatching failed, trying again in {}: {}", properties.pollInterval(), e.getMessage());
            }
            progress.passed(clock.instant());
            synchronized (signal) {
                long wakeAt = nextPoll;
                OptionalLong batchDue = gathering.nextDueNanos();
                if (batchDue.isPresent() && batchDue.getAsLong() - wakeAt < 0) {
                    wakeAt = batchDue.getAsLong();
                }
                long waitMillis = Math.max(1, (wakeAt - System.nanoTime()) / 1_000_000);
                if (!claimRequested && !lookAgain && running) {
                    try {
                        signal.wait(waitMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Sends the deliveries an ingest handed over on commit (already claimed, no query), as many as there
     * are free workers; the rest wait in memory for the next pass, under their lease.
     */
    private void sendHandedOver(Map<String, Instant> spent) {
        List<ClaimedDelivery> handed = new ArrayList<>();
        for (int free = permits.availablePermits(); handed.size() < free;) {
            ClaimedDelivery next = handoff.poll();
            if (next == null) {
                break;
            }
            handed.add(next);
        }
        if (!handed.isEmpty()) {
            metrics.handedOver(handed.size());
            dispatch(handed, spent);
        }
    }

    /** Claims and sends due deliveries while workers are free; true when more may be due (a backlog). */
    private boolean dispatchDue(Map<String, Instant> spent) {
        while (running) {
            int free = permits.availablePermits();
            if (free == 0) {
                return true;
            }
            int want = Math.min(free, properties.claimBatch());
            Instant now = clock.instant();
            List<ClaimedDelivery> claimed = transactions.execute(tx -> outbox.claim(instance, now, properties.lease(), want));
            progress.passed(clock.instant());
            dispatch(claimed, spent);
            if (claimed.size() < want) {
                return false;
            }
        }
        return false;
    }

    /** Takes each delivery's rate slot in order and sends those cleared on the workers; the others wait. */
    private void dispatch(List<ClaimedDelivery> deliveries, Map<String, Instant> spent) {
        Set<String> putBack = new HashSet<>(); // spent keys whose waiting deliveries this pass put back
        List<Outbox.BudgetWait> waits = new ArrayList<>();
        for (ClaimedDelivery delivery : deliveries) {
            Ready ready = takeRateSlot(delivery, spent, putBack, waits);
            if (ready != null) {
                permits.acquireUninterruptibly();
                Batching batching = batching(delivery, ready);
                if (batching.batches()) {
                    gathering.add(BatchGathering.Item.of(delivery, batching, new Cleared(delivery, ready)), System.nanoTime())
                            .forEach(this::sendBatch);
                } else {
                    workers.execute(() -> process(delivery, ready));
                }
            }
        }
        waitForBudget(waits);
        sendGathered();
    }

    /** How the delivery's type gathers it with others; one by one when the type does not say, or cannot. */
    private Batching batching(ClaimedDelivery delivery, Ready ready) {
        if (ready.type().rules().sendsWithSettings() && ready.settings() == null) {
            return Batching.NONE; // the channel was deleted: answered alone, without sending
        }
        try {
            return ready.type().batching(ready.settings());
        } catch (RuntimeException e) {
            log.warn("delivery {}: its type's batching could not be read; sent alone: {}", delivery.id(), e.toString());
            return Batching.NONE;
        }
    }

    /**
     * Sends the gathered batches that are due; every batch at once when no worker is free, since the
     * gathered deliveries hold the workers and waiting longer would only stall the other channels.
     */
    private void sendGathered() {
        if (gathering.isEmpty()) {
            return;
        }
        (permits.availablePermits() == 0 ? gathering.all() : gathering.due(System.nanoTime())).forEach(this::sendBatch);
    }

    private void sendBatch(List<Cleared> batch) {
        workers.execute(() -> processBatch(batch));
    }

    /**
     * Takes a slot of the delivery's rate budget, or adds it to {@code waits}, to be put back until one
     * frees (with the claim's others, in one batch). Slots are
     * taken here, one after another in claim order (critical first, then by age), not by the workers
     * racing each other: a less urgent delivery claimed later must not take a key's last slot of the
     * minute from a critical one claimed before it.
     * <p>
     * When a key's budget is spent, every delivery of the key waiting in the outbox is put back with it,
     * in one statement, until the next slot frees, and the key is remembered as {@code spent} for the
     * rest of the pass: its other deliveries claimed meanwhile go back without asking the budget again
     * (and a claim that still finds some due, queued since, puts the key's waiting ones back once more).
     * One by one, each waiting delivery of a throttled key cost a claim, a check and a transaction on
     * every pass, and all came due together ahead of other keys' events.
     */
    private Ready takeRateSlot(ClaimedDelivery delivery, Map<String, Instant> spent, Set<String> putBack,
            List<Outbox.BudgetWait> waits) {
        try {
            ChannelType type = types.get(delivery.channelType());
            // Only a type that signs with a secret the user may rotate reads its channel again here.
            ChannelSettings settings = type.rules().sendsWithSettings()
                    ? channels.findById(delivery.channelId()).map(Channel::settings).orElse(null)
                    : null;
            RateLimit limit = type.rateLimit(delivery.destination(), settings);
            if (!limit.limited()) {
                return new Ready(type, settings, RateBudget.Grant.UNLIMITED);
            }
            String key = RateBudget.hash(delivery.destination());
            Instant freesAt = spent.get(key);
            if (freesAt == null || !clock.instant().isBefore(freesAt)) {
                RateBudget.Grant grant = budget.tryTake(delivery.destination(), limit, clock.instant());
                if (grant.granted()) {
                    return new Ready(type, settings, grant);
                }
                freesAt = grant.waitUntil();
                spent.put(key, freesAt);
                handoff.throttle(key, freesAt); // new deliveries to it wait in the database until it frees
            }
            if (putBack.add(key)) {
                putBackWaiting(key, freesAt);
            }
            waits.add(new Outbox.BudgetWait(delivery.id(), freesAt));
            return null;
        } catch (RuntimeException e) {
            log.error("delivery {} could not take a rate slot; it is retried when its lease ends: {}", delivery.id(),
                    e.toString());
            return null;
        }
    }

    /** Puts the claimed deliveries whose budget is spent back to pending, together (one batch per claim). */
    private void waitForBudget(List<Outbox.BudgetWait> waits) {
        if (waits.isEmpty()) {
            return;
        }
        try {
            outbox.waitForBudget(waits);
            waits.forEach(wait -> metrics.rateLimitWait());
        } catch (RuntimeException e) {
            log.error("{} deliveries waiting for their rate budget could not be put back; they are retried when their "
                    + "lease ends: {}", waits.size(), e.toString());
        }
    }

    /** Puts back the key's waiting deliveries; if that fails they are only checked one by one as before. */
    private void putBackWaiting(String key, Instant freesAt) {
        try {
            Integer moved = transactions.execute(tx -> outbox.waitForKeyBudget(key, freesAt));
            log.debug("rate budget of a key spent until {}: {} waiting deliveries put back", freesAt, moved);
        } catch (RuntimeException e) {
            log.warn("the waiting deliveries of a throttled key could not be put back together: {}", e.toString());
        }
    }

    /** A claimed delivery cleared to send: its type, the channel's settings if the type asked, its rate slot. */
    private record Ready(ChannelType type, ChannelSettings settings, RateBudget.Grant slot) {
    }

    /** A delivery cleared to send, waiting for the rest of its batch. */
    private record Cleared(ClaimedDelivery delivery, Ready ready) {
    }

    /**
     * Sends one batch (one channel and destination) in one request of its type and records an answer for
     * each delivery, as {@link #process} does for one. A delivery whose lease no longer holds is left out.
     */
    private void processBatch(List<Cleared> batch) {
        List<Cleared> sending = new ArrayList<>(batch.size());
        try {
            for (Cleared cleared : batch) {
                if (leaseHolds(cleared.delivery())) {
                    sending.add(cleared);
                } else {
                    permits.release();
                }
            }
            if (sending.isEmpty()) {
                return;
            }
            ChannelType type = sending.get(0).ready().type();
            List<Outgoing> messages = new ArrayList<>(sending.size());
            for (Cleared cleared : sending) {
                messages.add(outgoing(cleared.delivery(), cleared.ready(), type));
            }
            long started = progress.sendStarted(clock.instant());
            List<SendResult> results;
            try {
                results = type.sendBatch(messages);
            } finally {
                progress.sendEnded(started);
            }
            if (results == null || results.size() != sending.size()) {
                throw new IllegalStateException(type.name() + " answered " + (results == null ? "nothing" : results.size())
                        + " results for a batch of " + sending.size());
            }
            Instant now = clock.instant();
            for (int i = 0; i < sending.size(); i++) {
                Cleared cleared = sending.get(i);
                answered.add(new DeliveryRecorder.Answered(cleared.delivery(), instance, results.get(i), now,
                        cleared.ready().slot().slotId()));
            }
        } catch (RuntimeException e) {
            log.error("a batch of {} deliveries could not be processed; they are retried when their lease ends: {}",
                    sending.size(), e.toString());
            permits.release(sending.size());
            wake();
        }
    }

    private Outgoing outgoing(ClaimedDelivery delivery, Ready ready, ChannelType type) {
        MessageKind kind = MessageKind.valueOf(delivery.kind().toUpperCase(Locale.ROOT));
        return new Outgoing(delivery.id(), delivery.organizationId(), delivery.channelId(), kind, delivery.destination(),
                delivery.payload(), delivery.attempts() + 1, ready.settings(), originalRef(delivery, kind, type));
    }

    private void process(ClaimedDelivery delivery, Ready ready) {
        try {
            if (!leaseHolds(delivery)) {
                permits.release();
                return;
            }
            RateBudget.Grant slot = ready.slot();
            MessageKind kind = MessageKind.valueOf(delivery.kind().toUpperCase(Locale.ROOT));
            long sending = progress.sendStarted(clock.instant());
            SendResult result;
            try {
                result = ready.type().rules().sendsWithSettings() && ready.settings() == null
                        ? SendResult.noAnswer(SendResult.Outcome.REJECTED, "not sent: the channel was deleted", 0)
                        : ready.type().send(outgoing(delivery, ready, ready.type()));
            } finally {
                progress.sendEnded(sending);
            }
            // The slot moves to the answer's time with the answer, in the recorder's transaction: a separate
            // write here could fail (a busy pool) and lose the answer, and the send would go out again.
            answered.add(new DeliveryRecorder.Answered(delivery, instance, result, clock.instant(), slot.slotId())); // its permit is released once recorded
        } catch (RuntimeException e) {
            log.error("delivery {} could not be processed; it is retried when its lease ends: {}", delivery.id(), e.toString());
            permits.release();
            wake();
        }
    }

    /**
     * For a follow-up of a type that asks for it, what its trigger's answer kept (the trigger of its
     * sequence was sent before it: the outbox sends a sequence in order); null otherwise, or when the
     * trigger kept nothing. A failed lookup sends without it: the type then posts a message of its own.
     */
    private String originalRef(ClaimedDelivery delivery, MessageKind kind, ChannelType type) {
        if (!type.rules().followUpsNeedOriginal() || kind == MessageKind.TRIGGER || kind == MessageKind.TEST) {
            return null;
        }
        if (kind == MessageKind.CHANGE) {
            return null; // a change follows no trigger: it is its own sequence
        }
        try {
            return outbox.originalRef(delivery.id()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("delivery {}: its trigger's reference could not be read; sent without it: {}", delivery.id(),
                    e.toString());
            return null;
        }
    }

    /**
     * A send must start inside its claim's lease: once the lease has ended another instance may have
     * taken the delivery over and sent it (a GC pause or a slow rate check can outlast a lease), and a
     * second copy could land after that one's resolve. Lease ends are the database's time, like this
     * clock, so every instance agrees on them; the margin leaves the send room to start. A late claim is
     * left as it is, for whoever holds it now (this instance again, once it claims it anew).
     */
    private boolean leaseHolds(ClaimedDelivery delivery) {
        Duration margin = properties.lease().dividedBy(10);
        margin = margin.compareTo(MAX_LEASE_MARGIN) > 0 ? MAX_LEASE_MARGIN : margin;
        Instant now = clock.instant();
        if (delivery.claimedUntil() != null && now.plus(margin).isBefore(delivery.claimedUntil())) {
            return true;
        }
        log.warn("delivery {} not sent: its lease ended at {}, before the send could start at {}; it is sent by "
                + "whichever instance holds it now", delivery.id(), delivery.claimedUntil(), now);
        metrics.leaseExpired();
        return false;
    }

    /**
     * Commits answers as they come, as many as are waiting in one transaction: under load one commit
     * serves a batch of sends; when idle a single answer is committed at once (no added delay).
     * A batch that fails to commit stays in flight until its lease ends and is sent again; a destination
     * that keys messages by dedup key (a paging service) folds the repeat into the same alert.
     */
    private void recordAnswers() {
        List<DeliveryRecorder.Answered> batch = new ArrayList<>();
        while (running || !answered.isEmpty() || permits.availablePermits() < properties.workers() && !workers.isTerminated()) {
            try {
                DeliveryRecorder.Answered first = answered.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherAnswers(batch);
                recordPatiently(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                if (!batch.isEmpty()) {
                    permits.release(batch.size());
                    batch.clear();
                    lookAgain(); // workers are free: what waits in memory goes, and a backlog is claimed
                }
            }
        }
    }

    /**
     * Adds the answers waiting behind the first, and those arriving within the record wait: on H2 a
     * commit writes every page it changed, and at 200 events/s answers arriving one by one cost a commit
     * each (the benchmark's profile). The wait delays no send and no page, only the recording.
     */
    private void gatherAnswers(List<DeliveryRecorder.Answered> batch) throws InterruptedException {
        long deadline = System.nanoTime() + properties.recordWait().toNanos();
        answered.drainTo(batch, RECORD_BATCH - batch.size());
        while (batch.size() < RECORD_BATCH && running) {
            long left = deadline - System.nanoTime();
            DeliveryRecorder.Answered next = left > 0 ? answered.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            answered.drainTo(batch, RECORD_BATCH - batch.size());
        }
    }

    /**
     * Records a batch, trying again while the database is busy or briefly away (no free connection
     * under an ingest burst, a failover): an answer that is not recorded is sent again once its lease
     * ends, which a destination keyed by dedup key folds into the same alert but which is still a second send. Gives up at
     * half the lease, before another instance may take the deliveries over.
     */
    private void recordPatiently(List<DeliveryRecorder.Answered> batch) throws InterruptedException {
        Instant giveUpAt = clock.instant().plus(properties.lease().dividedBy(2));
        long pauseMillis = 50;
        while (true) {
            try {
                recorder.recordAll(batch);
                return;
            } catch (RuntimeException e) {
                if (!running || !clock.instant().isBefore(giveUpAt)) {
                    log.error("{} answers could not be recorded; they are sent again when their lease ends: {}",
                            batch.size(), e.toString());
                    return;
                }
                log.warn("{} answers not recorded yet, trying again in {} ms: {}", batch.size(), pauseMillis, e.toString());
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 1000);
            }
        }
    }

    /** Virtual threads on Java 21+, where a blocked send costs no platform thread; a fixed pool on 17. */
    private ExecutorService newWorkers() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException java17) {
            return Executors.newFixedThreadPool(properties.workers(), runnable -> {
                Thread thread = new Thread(runnable, "delivery-worker");
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
