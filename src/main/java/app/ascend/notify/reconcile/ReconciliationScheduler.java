package app.ascend.notify.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.channel.ChannelTypes;

/**
 * Every {@code ascend.reconcile.tick} (30 s), on a thread of its own (a pass makes HTTP requests; it must not
 * hold up the other scheduled jobs), runs a pass for each channel that is due: channels of the types that
 * reconcile, whose lease row is missing or due ({@code ascend.reconcile.interval} after the last pass, 5 min
 * by default, its environment variable in application.properties) and not held. Every instance runs it; the lease makes
 * each pass happen once. A channel without the credential costs one row read an interval, and no request.
 */
@Component
class ReconciliationScheduler {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationScheduler.class);
    private final ChannelTypes types;
    private final ChannelRepository channels;
    private final ReconciliationRepository leases;
    private final ChannelReconciler reconciler;
    private final Clock clock;
    private final Duration tick;
    private ScheduledExecutorService executor;

    ReconciliationScheduler(ChannelTypes types, ChannelRepository channels, ReconciliationRepository leases,
            ChannelReconciler reconciler, Clock clock, @Value("${ascend.reconcile.tick:30s}") Duration tick) {
        this.types = types;
        this.channels = channels;
        this.leases = leases;
        this.reconciler = reconciler;
        this.clock = clock;
        this.tick = tick;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (executor != null || types.all().stream().noneMatch(type -> type.reconciliation().isPresent())) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::onTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void onTick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("reconciliation tick failed, trying again next tick: {}", e.toString());
        }
    }

    /** One tick: a pass for each due channel; how many passes ran. */
    int runDue() {
        List<String> typeNames = types.all().stream().filter(type -> type.reconciliation().isPresent())
                .map(type -> type.name()).toList();
        int passes = 0;
        for (String channelId : leases.dueAmong(channels.idsOfTypes(typeNames), clock.instant())) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                passes += channels.findById(channelId)
                        .flatMap(channel -> reconciler.pass(channel, "scheduled", true)).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("reconciliation of channel {} failed, trying again when next due: {}", channelId, e.toString());
            }
        }
        return passes;
    }
}
