package app.ascend.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.DeliveryRules;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.Outbox;
import app.ascend.notify.delivery.SequenceKey;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.ids.Sha256;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.IncidentRepository;
import app.ascend.notify.incident.IncidentStatus;

/**
 * Decides, for each channel of the organization, whether and where an event goes, and queues the
 * deliveries in the caller's transaction, as each channel type's {@code DeliveryRules} say. Triggers:
 * enabled → subscribed → filters → suppression → destination. Resolves and acknowledges, for a type that
 * opens incidents, go to every channel and destination whose incident for the dedup key is still open,
 * whatever the event's score or the channel's filters, so an incident that was opened always closes;
 * for a type that takes every event, to every enabled channel subscribed to them (filters and
 * maintenance windows hold back new triggers, never the news that one was approved or resolved).
 * This is the only place that writes follow-ups into the outbox.
 */
@Component
public class EventRouter {
    private final ChannelTypes types;
    private final Outbox outbox;
    private final IncidentRepository incidents;
    private final List<Suppression> suppressions;
    private final Clock clock;

    public EventRouter(ChannelTypes types, Outbox outbox, IncidentRepository incidents,
            ObjectProvider<Suppression> suppressions, Clock clock) {
        this.types = types;
        this.outbox = outbox;
        this.incidents = incidents;
        this.suppressions = suppressions.orderedStream().toList();
        this.clock = clock;
    }

    public List<Decision> route(GovernanceEvent event, String organizationName, List<Channel> channels) {
        return routeAll(List.of(event), organizationName, channels).get(0);
    }

    /**
     * Routes a batch of events in order, as {@link #route} would one by one, with the triggers' writes
     * batched: runs of consecutive triggers are planned in memory, then written with one JDBC batch per
     * table (incidents touched, incidents opened, merges, deliveries) instead of four statements per
     * trigger. A resolve or acknowledge first writes the triggers before it, since it closes what they
     * opened. Returns each event's decisions, in the order of {@code events}.
     */
    public List<List<Decision>> routeAll(List<GovernanceEvent> events, String organizationName, List<Channel> channels) {
        List<List<Decision>> decisions = new ArrayList<>(events.size());
        if (needsLockOrder(events)) {
            // Every incident this batch may touch or close, locked first in one order (see lockOpen).
            incidents.lockOpen(events.get(0).organizationId(), events.stream().map(DedupKeys::forEvent).toList());
        }
        TriggerBatch batch = new TriggerBatch(outbox, incidents);
        for (GovernanceEvent event : events) {
            if (event.type().action() == EventType.Action.CHANGE || event.type().action() == EventType.Action.NOTICE) {
                decisions.add(messagesOfTheirOwn(event, organizationName, channels, batch));
                continue;
            }
            boolean trigger = event.type().action() == EventType.Action.TRIGGER;
            if (!trigger) {
                batch.write(); // a follow-up closes what the triggers before it opened: they are written first
            }
            String dedupKey = DedupKeys.forEvent(event);
            List<Decision> eventDecisions = new ArrayList<>(channels.size());
            for (Channel channel : channels) {
                ChannelType type = types.get(channel.type());
                if (!trigger && type.rules().followUps() == DeliveryRules.FollowUps.OPEN_INCIDENTS) {
                    eventDecisions.addAll(followUp(event, dedupKey, organizationName, channel, type));
                    continue;
                }
                Instant now = clock.instant();
                Optional<Decision> skipped = skipped(event, channel, type, now, true)
                        .or(() -> noTriggerToFollow(event, dedupKey, channel, type));
                if (skipped.isPresent()) {
                    eventDecisions.add(skipped.get());
                    continue;
                }
                String destination = channel.settings().destinationFor(event.type()).orElseThrow();
                RenderedMessage message = type.render(channel.ref(), event, organizationName);
                batch.plan(event, channel, type, dedupKey,
                        type.rules().opensIncidents() ? incidentKey(channel.id(), destination, dedupKey) : null,
                        SequenceKey.of(destination, dedupKey), destination, type.maskDestination(destination), message,
                        now, eventDecisions);
            }
            decisions.add(eventDecisions);
        }
        batch.write();
        RiskFilter.explainLevels(events, channels, decisions);
        return decisions;
    }

    /**
     * Whether the batch must lock its incidents up front. A batch of triggers only, however many actions
     * it names, touches and opens its incidents in one statement-level order already ({@code
     * openOrTouchAll} inserts, then updates, each sorted by open key), so it skips the extra statement,
     * which cost single-event ingest on PostgreSQL most of its throughput in the benchmark, and with group
     * commit every batch names several actions (docs/PERFORMANCE.md). A resolve or acknowledge (which
     * closes incidents channel by channel, between writes of the triggers around it) takes the locks
     * first, in one global order.
     */
    private static boolean needsLockOrder(List<GovernanceEvent> events) {
        return events.stream().anyMatch(event -> event.type().action() != EventType.Action.TRIGGER
                && event.type().action() != EventType.Action.NOTICE // a notice touches no incident
                && event.type().action() != EventType.Action.CHANGE); // a change touches no incident
    }

    /**
     * Routes a notice (what a destination reported about an incident) as {@link #route} would, except to the
     * channel it came from ({@code sourceChannelId}): a channel is never sent its own notice, so no change can
     * echo back to where it happened, whatever that channel's type and events.
     */
    public List<Decision> routeNotice(GovernanceEvent notice, String organizationName, List<Channel> channels,
            String sourceChannelId) {
        if (notice.type().action() != EventType.Action.NOTICE) {
            throw new IllegalArgumentException(notice.type() + " is not a notice");
        }
        List<Channel> others = channels.stream().filter(c -> !c.id().equals(sourceChannelId)).toList();
        List<Decision> routed = route(notice, organizationName, others);
        List<Decision> decisions = new ArrayList<>(routed.size() + 1);
        int next = 0;
        for (Channel channel : channels) {
            if (channel.id().equals(sourceChannelId)) {
                decisions.add(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOT_SUBSCRIBED, "the change "
                        + "was reported through this channel: a channel is never sent its own notice"));
            } else {
                while (next < routed.size() && routed.get(next).channelId().equals(channel.id())) {
                    decisions.add(routed.get(next++));
                }
            }
        }
        return decisions;
    }

    /**
     * A change or a notice: one message of its own to each enabled channel subscribed to it whose type takes it,
     * through the type's destination for the event type, planned with the batch's triggers but opening, merging into
     * and closing no incident. A change ({@link EventType.Action#CHANGE}) is in a sequence of its own
     * ({@code ascend-{event id}}), so it never waits behind an action's incident deliveries, and is filtered by risk
     * only when it carries a risk; a notice ({@link EventType.Action#NOTICE}) keeps its incident's dedup key, so it
     * follows the action's messages in order, and like a follow-up is never filtered (it is news about an incident
     * that exists). Neither is muted by maintenance windows ({@link #skipped}).
     */
    private List<Decision> messagesOfTheirOwn(GovernanceEvent event, String organizationName, List<Channel> channels,
            TriggerBatch batch) {
        String sequenceKey = DedupKeys.forEvent(event);
        List<Decision> eventDecisions = new ArrayList<>(channels.size());
        Instant now = clock.instant();
        for (Channel channel : channels) {
            ChannelType type = types.get(channel.type());
            Optional<Decision> skipped = skipped(event, channel, type, now, true);
            if (skipped.isPresent()) {
                eventDecisions.add(skipped.get());
                continue;
            }
            String destination = channel.settings().destinationFor(event.type()).orElseThrow();
            RenderedMessage message = type.render(channel.ref(), event, organizationName);
            batch.plan(event, channel, type, sequenceKey, null, SequenceKey.of(destination, sequenceKey), destination,
                    type.maskDestination(destination), message, now, eventDecisions);
        }
        return eventDecisions;
    }

    /**
     * Why a trigger does not go to this channel, if it does not: the checks in the product's order.
     * {@code routing} is false for a preview, which must leave no trace in any suppression.
     */
    private Optional<Decision> skipped(GovernanceEvent event, Channel channel, ChannelType type, Instant now,
            boolean routing) {
        if (!channel.enabled()) {
            return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.DISABLED, "channel is disabled"
                    + (channel.disabledReason() == null ? "" : ": " + channel.disabledReason())));
        }
        if (!channel.subscribesTo(event.type())) {
            return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOT_SUBSCRIBED,
                    "channel's events do not include " + event.type()));
        }
        Optional<String> refused = type.refuses(event.type());
        if (refused.isPresent()) { // only a channel of every type gets here: a list naming it was refused on save
            return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOT_SUBSCRIBED, refused.get()));
        }
        if (event.type().action() == EventType.Action.CHANGE) {
            return changeSkipped(event, channel, type);
        }
        if (event.type().action() != EventType.Action.TRIGGER) {
            return noDestination(event, channel, type); // a follow-up is news about a trigger: never filtered or muted
        }
        Optional<Decision> outside = RiskFilter.outside(event, channel.filters())
                .map(reason -> Decision.of(channel.id(), channel.name(), RoutingOutcome.FILTERED, reason));
        if (outside.isPresent()) {
            return outside;
        }
        for (Suppression suppression : suppressions) {
            Optional<String> reason = suppression.suppresses(channel, event.type(), now);
            if (reason.isPresent()) {
                if (routing) {
                    suppression.suppressed(channel, event, now);
                }
                return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.SUPPRESSED, reason.get()));
            }
        }
        return noDestination(event, channel, type);
    }

    /**
     * Why a change does not go to this channel past the subscription: the risk filters only when the change carries
     * a risk (a {@code risk_score} or {@code risk_level}; a filtered channel otherwise takes changes, which have no
     * risk to compare), then the destination. Maintenance windows never mute a change: it pages nobody, and what
     * changed during planned work is what a responder looks for afterwards.
     */
    private static Optional<Decision> changeSkipped(GovernanceEvent event, Channel channel, ChannelType type) {
        if (event.riskScore() != null || event.riskLevel() != null) {
            Optional<Decision> outside = RiskFilter.outside(event, channel.filters())
                    .map(reason -> Decision.of(channel.id(), channel.name(), RoutingOutcome.FILTERED, reason));
            if (outside.isPresent()) {
                return outside;
            }
        }
        return noDestination(event, channel, type);
    }

    /**
     * Why a follow-up does not go to a conversation ({@link DeliveryRules.FollowUps#AFTER_TRIGGER}): no trigger of
     * its dedup key went to this channel and destination (filtered, muted, or before the channel existed).
     */
    private Optional<Decision> noTriggerToFollow(GovernanceEvent event, String dedupKey, Channel channel, ChannelType type) {
        if (event.type().action() == EventType.Action.TRIGGER
                || type.rules().followUps() != DeliveryRules.FollowUps.AFTER_TRIGGER) {
            return Optional.empty();
        }
        if (event.type().action() == EventType.Action.CHANGE) {
            return Optional.empty(); // a change follows no trigger
        }
        String destination = channel.settings().destinationFor(event.type()).orElseThrow();
        if (outbox.triggerQueued(channel.id(), SequenceKey.of(destination, dedupKey))) {
            return Optional.empty();
        }
        return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOTHING_TO_RESOLVE,
                "no trigger went to this channel for dedup key " + dedupKey + ", so there is no alert of it to follow up"));
    }

    private static Optional<Decision> noDestination(GovernanceEvent event, Channel channel, ChannelType type) {
        if (channel.settings().destinationFor(event.type()).isEmpty()) {
            return Optional.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.FILTERED,
                    "channel has no " + type.destinationNoun()));
        }
        return Optional.empty();
    }

    /**
     * What routing would do with a sample event on one channel, without storing or sending anything
     * (the test endpoint's preview): the decision, and the destination and message when it would send.
     */
    public Preview preview(GovernanceEvent event, String organizationName, Channel channel) {
        String dedupKey = DedupKeys.forEvent(event);
        ChannelType type = types.get(channel.type());
        if (type.rules().followUps() != DeliveryRules.FollowUps.OPEN_INCIDENTS
                || event.type().action() == EventType.Action.TRIGGER
                || event.type().action() == EventType.Action.CHANGE) {
            Optional<Decision> skipped = skipped(event, channel, type, clock.instant(), false)
                    .or(() -> noTriggerToFollow(event, dedupKey, channel, type));
            if (skipped.isPresent()) {
                return new Preview(skipped.get(), null, null);
            }
            String destination = channel.settings().destinationFor(event.type()).orElseThrow();
            String masked = type.maskDestination(destination);
            RenderedMessage message = type.render(channel.ref(), event, organizationName);
            return new Preview(Decision.to(channel.id(), channel.name(), RoutingOutcome.QUEUED,
                    "a " + message.kind().wireName() + " would be queued for " + type.destinationNoun() + " " + masked
                            + RiskFilter.levelNote(event, channel.filters()), type, masked, List.of()),
                    destination, message);
        }
        List<Incident> open = incidents.openFor(event.organizationId(), channel.id(), dedupKey);
        if (open.isEmpty()) {
            return new Preview(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOTHING_TO_RESOLVE,
                    "no trigger went to this channel for dedup key " + dedupKey + ", so there is nothing to resolve"),
                    null, null);
        }
        Incident incident = open.get(0);
        return new Preview(Decision.to(channel.id(), channel.name(), RoutingOutcome.QUEUED,
                "would close the open incident " + incident.id() + " at " + type.destinationNoun() + " "
                        + incident.destinationMasked(), type, incident.destinationMasked(), List.of()),
                incident.destination(), type.render(channel.ref(), event, organizationName));
    }

    /** A preview: the decision, and (when it would send) the secret destination and the message. */
    public record Preview(Decision decision, String destination, RenderedMessage message) {
    }

    private List<Decision> followUp(GovernanceEvent event, String dedupKey, String organizationName, Channel channel,
            ChannelType type) {
        boolean resolve = event.type().action() == EventType.Action.RESOLVE;
        String verb = resolve ? "resolve" : "acknowledge";
        List<Incident> open = incidents.openFor(event.organizationId(), channel.id(), dedupKey);
        if (open.isEmpty()) {
            return List.of(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOTHING_TO_RESOLVE,
                    closedRemotely(event, channel, dedupKey).map(reason -> reason + ", so there is nothing more to "
                            + verb + " there").orElse("no trigger went to this channel for dedup key " + dedupKey
                            + ", so there is nothing to " + verb)));
        }
        RenderedMessage message = type.render(channel.ref(), event, organizationName);
        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>();
        for (Incident incident : open) {
            boolean changed = resolve ? incidents.resolve(incident.id(), now) : incidents.acknowledge(incident.id(), now);
            if (!changed) {
                continue; // closed meanwhile by a concurrent event
            }
            String id = Ids.newId("dlv");
            outbox.insert(new NewDelivery(id, event.organizationId(), event.id(), channel.id(), channel.type(),
                    message.kind(), SequenceKey.of(incident.destination(), dedupKey), dedupKey, incident.destination(),
                    incident.destinationMasked(),
                    message.priority(), message.payload(), now));
            decisions.add(Decision.to(channel.id(), channel.name(), RoutingOutcome.QUEUED,
                    verb + " queued for the open incident " + incident.id() + " at " + type.destinationNoun() + " "
                            + incident.destinationMasked()
                            + (channel.enabled() ? "" : " (the channel is disabled, but its open incident still closes)"),
                    type, incident.destinationMasked(), List.of(id)));
        }
        if (decisions.isEmpty()) {
            decisions.add(Decision.of(channel.id(), channel.name(), RoutingOutcome.NOTHING_TO_RESOLVE,
                    "the open incident for dedup key " + dedupKey + " was closed by another event just now"));
        }
        return decisions;
    }

    /**
     * Why the newest incident of the key is closed when its destination closed it (an inbound webhook said
     * it was resolved there, by whom and when); empty otherwise.
     */
    private Optional<String> closedRemotely(GovernanceEvent event, Channel channel, String dedupKey) {
        return incidents.newest(event.organizationId(), channel.id(), dedupKey)
                .filter(incident -> incident.status() == IncidentStatus.RESOLVED && incident.remote() != null
                        && incident.reason() != null)
                .map(Incident::reason);
    }

    /**
     * An incident's key: ASCEND keeps one open incident per channel, destination and dedup key (the
     * incident's {@code open_key}), so each channel's view of its pages stays its own.
     */
    public static String incidentKey(String channelId, String destination, String dedupKey) {
        return Sha256.hex(channelId + "\n" + destination + "\n" + dedupKey);
    }

}
