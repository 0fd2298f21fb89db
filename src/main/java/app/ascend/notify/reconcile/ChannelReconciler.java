package app.ascend.notify.reconcile;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.Reconciliation;
import app.ascend.notify.channel.spi.RemoteIncident;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.IncidentRepository;

/**
 * One reconciliation pass of one channel: takes the channel's lease (so only one instance reconciles it at a
 * time), asks the destination about the incidents ASCEND holds open (oldest first, at most
 * {@code ascend.reconcile.max-incidents}, within {@code ascend.reconcile.pass-timeout}), and corrects each that
 * drifted ({@link DriftCorrection}). A refused credential, a rate limit or a failed request ends the pass and is
 * shown as its error; after a rate limit the channel is not due again before the destination's Retry-After.
 *
 * <p>Only incidents ASCEND holds open or acknowledged are checked. One ASCEND resolved whose resolve never
 * reached the destination is the outbox's to retry (its delivery log shows it), not this pass's: correcting
 * it would mean sending, and reconciliation only reads.
 */
@Service
public class ChannelReconciler {
    private static final Logger log = LoggerFactory.getLogger(ChannelReconciler.class);
    /** Past the pass's own bound: the last request's timeout, and the writes after it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final ChannelTypes types;
    private final IncidentRepository incidents;
    private final ReconciliationRepository leases;
    private final DriftCorrection correction;
    private final ReconciliationMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final int maxIncidents;
    private final Duration passTimeout;
    private final String holder = instanceName();

    ChannelReconciler(ChannelTypes types, IncidentRepository incidents, ReconciliationRepository leases,
            DriftCorrection correction, ReconciliationMetrics metrics, TransactionTemplate transactions, Clock clock,
            @Value("${ascend.reconcile.interval:5m}") Duration interval,
            @Value("${ascend.reconcile.max-incidents:100}") int maxIncidents,
            @Value("${ascend.reconcile.pass-timeout:60s}") Duration passTimeout) {
        if (interval.isNegative() || interval.isZero() || maxIncidents < 1 || passTimeout.isNegative() || passTimeout.isZero()) {
            throw new IllegalArgumentException("ascend.reconcile.interval and pass-timeout must be positive and "
                    + "max-incidents at least 1");
        }
        this.types = types;
        this.incidents = incidents;
        this.leases = leases;
        this.correction = correction;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
        this.maxIncidents = maxIncidents;
        this.passTimeout = passTimeout;
    }

    Duration interval() {
        return interval;
    }

    /** Whether the channel's type can reconcile (with the credential or not). */
    boolean typeReconciles(Channel channel) {
        return types.find(channel.type()).flatMap(ChannelType::reconciliation).isPresent();
    }

    /** How the channel's type reconciles it, if the channel can be (its type can, and it holds the credential). */
    Optional<Reconciliation> reconciliationOf(Channel channel) {
        return types.find(channel.type()).flatMap(ChannelType::reconciliation)
                .filter(reconciliation -> reconciliation.enabled(channel.settings()));
    }

    /**
     * Runs a pass now if the channel can be reconciled and nobody holds it (and, when {@code onlyIfDue}, it is
     * due); empty otherwise. A channel that cannot be reconciled is looked at again an interval later, and no
     * request is made for it. The scheduler's first look at a channel only sets it due an interval later: a
     * channel just created holds no incident yet, one that was just given a token can be reconciled at once
     * by asking, and a pass started behind the admin's back would race the "Reconcile now" they are about to
     * press (as the console test did).
     */
    Optional<ReconciliationRun> pass(Channel channel, String trigger, boolean onlyIfDue) {
        Instant now = clock.instant();
        leases.ensureLease(channel.organizationId(), channel.id(), onlyIfDue ? now.plus(interval) : now);
        Optional<Reconciliation> reconciliation = reconciliationOf(channel);
        if (reconciliation.isEmpty()) {
            leases.postpone(channel.id(), now.plus(interval));
            return Optional.empty();
        }
        if (!leases.claim(channel.id(), holder, now, now.plus(passTimeout).plus(LEASE_MARGIN), onlyIfDue)) {
            return Optional.empty();
        }
        ReconciliationRun run = null;
        Instant nextDue = now.plus(interval);
        try {
            Outcome outcome = check(channel, reconciliation.get(), now);
            if (outcome.retryAfter() != null && now.plus(outcome.retryAfter()).isAfter(nextDue)) {
                nextDue = now.plus(outcome.retryAfter());
            }
            run = new ReconciliationRun(Ids.newId("rec"), channel.id(), trigger, now, clock.instant(), outcome.open(),
                    outcome.checked(), outcome.corrections().size(), outcome.error(), outcome.corrections());
            return Optional.of(run);
        } finally {
            ReconciliationRun kept = run != null ? run : new ReconciliationRun(Ids.newId("rec"), channel.id(), trigger, now,
                    clock.instant(), 0, 0, 0, "the pass failed inside the service; see its log", List.of());
            leases.finish(channel.id(), holder, nextDue, kept);
            if (kept.corrected() > 0 || kept.error() != null || !"scheduled".equals(trigger)) {
                leases.keep(channel.organizationId(), kept);
            }
            metrics.passed(channel.type(), kept);
        }
    }

    private record Outcome(int open, int checked, List<ReconciliationRun.Correction> corrections, String error,
            Duration retryAfter) {
    }

    private Outcome check(Channel channel, Reconciliation reconciliation, Instant startedAt) {
        String destinationName = types.get(channel.type()).displayName();
        int open = incidents.countOpenOfChannel(channel.organizationId(), channel.id());
        List<Incident> candidates = incidents.openOfChannel(channel.organizationId(), channel.id(), maxIncidents);
        List<ReconciliationRun.Correction> corrections = new ArrayList<>();
        long deadline = System.nanoTime() + passTimeout.toNanos();
        int checked = 0;
        for (Incident incident : candidates) {
            if (System.nanoTime() > deadline) {
                return new Outcome(open, checked, corrections, "stopped after " + passTimeout.toSeconds()
                        + " s (ascend.reconcile.pass-timeout); the rest wait for the next pass", null);
            }
            Reconciliation.Lookup lookup = reconciliation.lookup(channel.settings(), incident.dedupKey());
            switch (lookup.outcome()) {
                case FOUND -> {
                    checked++;
                    RemoteIncident remote = lookup.incident();
                    transactions.execute(tx -> correction.correct(channel, destinationName, incident, remote))
                            .ifPresent(corrections::add);
                }
                case NOT_FOUND -> checked++;
                case REFUSED, THROTTLED, FAILED -> {
                    log.info("reconciliation of channel {} org {} stopped: {}", channel.id(), channel.organizationId(),
                            lookup.error());
                    return new Outcome(open, checked, corrections, lookup.error(),
                            lookup.outcome() == Reconciliation.Outcome.THROTTLED
                                    ? (lookup.retryAfter() != null ? lookup.retryAfter() : interval.multipliedBy(2)) : null);
                }
            }
        }
        if (!corrections.isEmpty()) {
            log.info("reconciliation of channel {} org {} corrected {} of {} incidents (started {})", channel.id(),
                    channel.organizationId(), corrections.size(), checked, startedAt);
        }
        return new Outcome(open, checked, corrections, null, null);
    }

    private static String instanceName() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        String id = name + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 80 ? id : id.substring(id.length() - 80);
    }
}
