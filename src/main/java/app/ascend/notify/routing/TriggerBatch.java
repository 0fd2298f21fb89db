package app.ascend.notify.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.Outbox;
import app.ascend.notify.delivery.spi.RenderedMessage;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.IncidentRepository;

/**
 * Triggers of one ingest batch that will page, planned in memory and written together. Per incident
 * (channel, routing key, dedup key) the outcome is what routing them one by one gives: the incident is
 * opened or touched; the first trigger merges into a trigger of the same channel still waiting at the
 * end of its sequence (routing key, dedup key: one PagerDuty alert, whichever channel sends to it), or
 * becomes a new delivery; later triggers of the same incident in the batch merge into that one
 * (PagerDuty would only append them to the same alert). Each planned trigger's decision is filled in by
 * {@link #write()}, in the list and at the place it was planned for.
 */
final class TriggerBatch {
    private final Outbox outbox;
    private final IncidentRepository incidents;
    private final Map<String, List<Planned>> byIncident = new LinkedHashMap<>();

    private record Planned(GovernanceEvent event, Channel channel, String dedupKey, String incident, String sequence,
            String destination, String masked, RenderedMessage message, Instant at, List<Decision> decisions, int slot) {
    }

    TriggerBatch(Outbox outbox, IncidentRepository incidents) {
        this.outbox = outbox;
        this.incidents = incidents;
    }

    void plan(GovernanceEvent event, Channel channel, String dedupKey, String incident, String sequence,
            String destination, String masked, RenderedMessage message, Instant at, List<Decision> decisions) {
        decisions.add(null); // filled in by write()
        byIncident.computeIfAbsent(incident, k -> new ArrayList<>())
                .add(new Planned(event, channel, dedupKey, incident, sequence, destination, masked, message, at,
                        decisions, decisions.size() - 1));
    }

    /** Writes every planned trigger and fills in its decision; the batch is empty afterwards. */
    void write() {
        if (byIncident.isEmpty()) {
            return;
        }
        List<IncidentRepository.Touch> touches = new ArrayList<>();
        for (List<Planned> sequence : byIncident.values()) {
            Planned first = sequence.get(0);
            Planned last = sequence.get(sequence.size() - 1);
            touches.add(new IncidentRepository.Touch(first.event().organizationId(), first.channel().id(),
                    first.channel().type(), first.incident(), first.dedupKey(), first.event().actionId(),
                    first.destination(), first.masked(), last.at()));
        }
        incidents.openOrTouchAll(touches);
        Map<String, Outbox.Waiting> waiting = outbox.waitingTriggers(
                byIncident.values().stream().map(planned -> planned.get(0).sequence()).distinct().toList());
        List<Outbox.Merge> merges = new ArrayList<>();
        List<String> mergeSequences = new ArrayList<>();
        for (Map.Entry<String, List<Planned>> entry : byIncident.entrySet()) {
            Planned first = entry.getValue().get(0);
            Outbox.Waiting atEnd = waiting.get(first.sequence());
            // Only into the same channel's trigger: another channel's renders its own payload.
            String into = atEnd != null && atEnd.channelId().equals(first.channel().id()) ? atEnd.deliveryId() : null;
            if (into != null) {
                Planned last = entry.getValue().get(entry.getValue().size() - 1);
                merges.add(new Outbox.Merge(into, last.message().payload(), minPriority(entry.getValue()),
                        entry.getValue().size()));
                mergeSequences.add(entry.getKey());
            }
        }
        boolean[] merged = outbox.mergeAll(merges);
        Map<String, String> mergedInto = new LinkedHashMap<>();
        for (int i = 0; i < merges.size(); i++) {
            if (merged[i]) {
                mergedInto.put(mergeSequences.get(i), merges.get(i).deliveryId());
            }
        }
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Map.Entry<String, List<Planned>> entry : byIncident.entrySet()) {
            List<Planned> sequence = entry.getValue();
            String into = mergedInto.get(entry.getKey());
            int firstMerged = 0;
            if (into == null) {
                // A new delivery for the first trigger, carrying the last one's data if later ones merge into it.
                Planned first = sequence.get(0);
                Planned last = sequence.get(sequence.size() - 1);
                into = Ids.newId("dlv");
                deliveries.add(new NewDelivery(into, first.event().organizationId(), first.event().id(),
                        first.channel().id(), first.channel().type(), first.message().kind(), first.sequence(),
                        first.dedupKey(), first.destination(), first.masked(), minPriority(sequence),
                        last.message().payload(), first.at(), sequence.size() - 1));
                first.decisions().set(first.slot(), new Decision(first.channel().id(), first.channel().name(),
                        RoutingOutcome.QUEUED.wireName(), "trigger queued for routing key " + first.masked(), first.masked(),
                        List.of(into)));
                firstMerged = 1;
            }
            for (Planned p : sequence.subList(firstMerged, sequence.size())) {
                p.decisions().set(p.slot(), new Decision(p.channel().id(), p.channel().name(),
                        RoutingOutcome.MERGED.wireName(), "merged into waiting delivery " + into
                                + ", a trigger for the same dedup key and routing key not yet sent; it will carry this "
                                + "event's data", p.masked(), List.of(into)));
            }
        }
        outbox.insertAll(deliveries);
        byIncident.clear();
    }

    private static int minPriority(List<Planned> sequence) {
        return sequence.stream().mapToInt(p -> p.message().priority()).min().orElseThrow();
    }
}
