package app.ascend.notify.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.db.AfterCommit;
import app.ascend.notify.delivery.DeliveriesQueued;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.OrganizationRepository;
import app.ascend.notify.routing.Decision;
import app.ascend.notify.routing.EventRouter;
import app.ascend.notify.routing.RoutingMetrics;
import app.ascend.notify.web.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a batch of events, every channel's decision and the deliveries they cause in one
 * transaction, and only then answers: an event answered 202 is durable, and so is its way out.
 * A sender's id seen before (in the database or earlier in the batch) creates nothing new.
 */
@Service
public class EventIngestService {
    private final EventRepository events;
    private final ChannelRepository channels;
    private final OrganizationRepository organizations;
    private final EventRouter router;
    private final ApplicationEventPublisher publisher;
    private final EventMetrics eventMetrics;
    private final RoutingMetrics routingMetrics;
    private final JsonMapper json;
    private final Clock clock;

    public EventIngestService(EventRepository events, ChannelRepository channels, OrganizationRepository organizations,
            EventRouter router, ApplicationEventPublisher publisher, EventMetrics eventMetrics,
            RoutingMetrics routingMetrics, JsonMapper json, Clock clock) {
        this.events = events;
        this.channels = channels;
        this.organizations = organizations;
        this.router = router;
        this.publisher = publisher;
        this.eventMetrics = eventMetrics;
        this.routingMetrics = routingMetrics;
        this.json = json;
        this.clock = clock;
    }

    /** One stored (or recognised) event of the answer. */
    public record Accepted(String id, boolean duplicate) {
    }

    /** Thrown when a concurrent request stored the same sender id first; the caller retries once. */
    public static class ConcurrentDuplicateException extends RuntimeException {
        ConcurrentDuplicateException() {
            super("an event with the same id was stored concurrently");
        }
    }

    @Transactional
    public List<Accepted> ingest(String organizationId, List<IncomingEvent> incoming) {
        String organizationName = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId)).name();
        List<Channel> organizationChannels = channels.all(organizationId).stream()
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        Map<String, String> known = new HashMap<>(events.idsBySourceId(organizationId,
                incoming.stream().map(IncomingEvent::sourceId).filter(Objects::nonNull).distinct().toList()));
        Instant receivedAt = clock.instant();
        List<Accepted> accepted = new ArrayList<>();
        List<IncomingEvent> toStore = new ArrayList<>();
        for (IncomingEvent in : incoming) {
            if (in.sourceId() != null && known.containsKey(in.sourceId())) {
                accepted.add(new Accepted(known.get(in.sourceId()), true));
                continue;
            }
            if (in.sourceId() != null) {
                known.put(in.sourceId(), in.event().id());
            }
            accepted.add(new Accepted(in.event().id(), false));
            toStore.add(in);
        }
        List<List<Decision>> routed = router.routeAll(toStore.stream().map(IncomingEvent::event).toList(),
                organizationName, organizationChannels);
        List<StoredEvent> stored = new ArrayList<>(toStore.size());
        List<EventType> storedTypes = new ArrayList<>();
        List<Decision> storedDecisions = new ArrayList<>();
        int queued = 0;
        for (int i = 0; i < toStore.size(); i++) {
            IncomingEvent in = toStore.get(i);
            GovernanceEvent event = in.event();
            List<Decision> decisions = routed.get(i);
            queued += decisions.stream().mapToInt(d -> d.deliveryIds().size()).sum();
            stored.add(new StoredEvent(event.id(), organizationId, in.sourceId(), event.type().wireName(),
                    event.actionId(), DedupKeys.forEvent(event), event.occurredAt(), receivedAt, body(event),
                    json.valueToTree(decisions)));
            storedTypes.add(event.type());
            storedDecisions.addAll(decisions);
        }
        if (!events.insertAll(stored)) {
            throw new ConcurrentDuplicateException();
        }
        // Counted once committed: a batch rolled back by a concurrent duplicate is ingested again.
        AfterCommit.run(() -> {
            storedTypes.forEach(eventMetrics::received);
            storedDecisions.forEach(routingMetrics::decided);
        });
        if (queued > 0) {
            publisher.publishEvent(new DeliveriesQueued(queued));
        }
        return accepted;
    }

    private JsonNode body(GovernanceEvent event) {
        ObjectNode body = json.valueToTree(event);
        body.remove("organization_id");
        return body;
    }
}
