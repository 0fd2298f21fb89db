package app.ascend.notify.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.Outbox;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.IncidentRepository;

/**
 * Messages of one ingest batch that will be sent, planned in memory and written together, each as its
 * channel type's {@code DeliveryRules} say:
 * <ul>
 * <li>a type that opens incidents: per incident (channel, destination, dedup key) the incident is opened
 * or touched, as routing the triggers one by one would;</li>
 * <li>a type that merges waiting triggers (its destination only appends a repeat to the alert it has):
 * the first trigger merges into a trigger of the same channel still waiting at the end of its sequence
 * (destination, dedup key), or becomes a new delivery, and later triggers of the same incident in the
 * batch merge into that one;</li>
 * <li>any other type: every planned message is a delivery of its own, in the order planned.</li>
 * </ul>
 * Each planned message's decision is filled in by {@link #write()}, in the list and at the place it was
 * planned for.
 */
final class TriggerBatch {
    private final Outbox outbox;
    private final IncidentRepository incidents;
    private final Map<String, List<Planned>> byGroup = new LinkedHashMap<>();
    private int ownGroups;

    private record Planned(GovernanceEvent event, Channel channel, ChannelType type, String dedupKey, String incident,
            String sequence, String destination, String masked, RenderedMessage message, Instant at,
            List<Decision> decisions, int slot) {
    }

    TriggerBatch(Outbox outbox, IncidentRepository incidents) {
        this.outbox = outbox;
        this.incidents = incidents;
    }

    /**
     * Plans one message. {@code incident}: the incident key when the type opens incidents, else null.
     */
    void plan(GovernanceEvent event, Channel channel, ChannelType type, String dedupKey, String incident, String sequence,
            String destination, String masked, RenderedMessage message, Instant at, List<Decision> decisions) {
        decisions.add(null); // filled in by write()
        String group = incident != null && type.rules().mergesWaitingTriggers() ? incident : "own:" + ownGroups++;
        byGroup.computeIfAbsent(group, k -> new ArrayList<>())
                .add(new Planned(event, channel, type, dedupKey, incident, sequence, destination, masked, message, at,
                        decisions, decisions.size() - 1));
    }

    /** Writes every planned message and fills in its decision; the batch is empty afterwards. */
    void write() {
        if (byGroup.isEmpty()) {
            return;
        }
        touchIncidents();
        // Every planned sequence's state, and the triggers waiting at the end of the merging ones, in one read.
        Outbox.Sequences sequences = outbox.sequences(
                byGroup.values().stream().map(group -> group.get(0).sequence()).toList(), mergingSequences());
        Map<String, String> mergedInto = mergeIntoWaiting(sequences.waiting());
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Map.Entry<String, List<Planned>> entry : byGroup.entrySet()) {
            List<Planned> group = entry.getValue();
            String into = mergedInto.get(entry.getKey());
            int firstMerged = 0;
            if (into == null) {
                // A new delivery for the first message, carrying the last one's data if later ones merge into it.
                Planned first = group.get(0);
                Planned last = group.get(group.size() - 1);
                into = Ids.newId("dlv");
                deliveries.add(new NewDelivery(into, first.event().organizationId(), first.event().id(),
                        first.channel().id(), first.channel().type(), first.message().kind(), first.sequence(),
                        first.dedupKey(), first.destination(), first.masked(), minPriority(group),
                        last.message().payload(), first.at(), group.size() - 1));
                first.decisions().set(first.slot(), Decision.to(first.channel().id(), first.channel().name(),
                        RoutingOutcome.QUEUED, first.message().kind().wireName() + " queued for "
                                + first.type().destinationNoun() + " " + first.masked(),
                        first.type(), first.masked(), List.of(into)));
                firstMerged = 1;
            }
            for (Planned p : group.subList(firstMerged, group.size())) {
                p.decisions().set(p.slot(), Decision.to(p.channel().id(), p.channel().name(), RoutingOutcome.MERGED,
                        "merged into waiting delivery " + into + ", a trigger for the same dedup key and "
                                + p.type().destinationNoun() + " not yet sent; it will carry this event's data",
                        p.type(), p.masked(), List.of(into)));
            }
        }
        outbox.insertAll(deliveries, sequences);
        byGroup.clear();
    }

    /** Opens or touches the incident of every message whose type opens incidents, in one batch. */
    private void touchIncidents() {
        Map<String, IncidentRepository.Touch> touches = new LinkedHashMap<>();
        for (List<Planned> group : byGroup.values()) {
            for (Planned p : group) {
                if (p.incident() != null) {
                    // The last message of an incident sets its time; the first one its other fields.
                    IncidentRepository.Touch before = touches.get(p.incident());
                    touches.put(p.incident(), before != null
                            ? new IncidentRepository.Touch(before.organizationId(), before.channelId(), before.channelType(),
                                    before.sequenceKey(), before.dedupKey(), before.actionId(), before.destination(),
                                    before.destinationMasked(), p.at())
                            : new IncidentRepository.Touch(p.event().organizationId(), p.channel().id(), p.channel().type(),
                                    p.incident(), p.dedupKey(), p.event().actionId(), p.destination(), p.masked(), p.at()));
                }
            }
        }
        if (!touches.isEmpty()) {
            incidents.openOrTouchAll(List.copyOf(touches.values()));
        }
    }

    /** The sequences of the groups that merge into a trigger still waiting at the end of their sequence. */
    private List<String> mergingSequences() {
        return byGroup.values().stream().map(group -> group.get(0))
                .filter(first -> first.incident() != null && first.type().rules().mergesWaitingTriggers())
                .map(Planned::sequence).distinct().toList();
    }

    /**
     * Merges each merging group into the same channel's trigger still waiting at the end of its sequence
     * ({@code waiting}, by sequence; another channel's renders its own payload); returns the delivery each merged
     * group went into.
     */
    private Map<String, String> mergeIntoWaiting(Map<String, Outbox.Waiting> waiting) {
        Map<String, String> mergedInto = new LinkedHashMap<>();
        if (waiting.isEmpty()) {
            return mergedInto;
        }
        List<Outbox.Merge> merges = new ArrayList<>();
        List<String> mergeGroups = new ArrayList<>();
        for (Map.Entry<String, List<Planned>> entry : byGroup.entrySet()) {
            Planned first = entry.getValue().get(0);
            if (first.incident() == null || !first.type().rules().mergesWaitingTriggers()) {
                continue;
            }
            Outbox.Waiting atEnd = waiting.get(first.sequence());
            if (atEnd != null && atEnd.channelId().equals(first.channel().id())) {
                Planned last = entry.getValue().get(entry.getValue().size() - 1);
                merges.add(new Outbox.Merge(atEnd.deliveryId(), last.message().payload(), minPriority(entry.getValue()),
                        entry.getValue().size()));
                mergeGroups.add(entry.getKey());
            }
        }
        boolean[] merged = outbox.mergeAll(merges);
        for (int i = 0; i < merges.size(); i++) {
            if (merged[i]) {
                mergedInto.put(mergeGroups.get(i), merges.get(i).deliveryId());
            }
        }
        return mergedInto;
    }

    private static int minPriority(List<Planned> group) {
        return group.stream().mapToInt(p -> p.message().priority()).min().orElseThrow();
    }
}
