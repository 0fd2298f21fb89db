package app.ascend.notify.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.RoutingChannels;
import app.ascend.notify.db.AfterCommit;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.OrganizationNames;
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
    private final RoutingChannels channels;
    private final OrganizationNames organizations;
    private final EventRouter router;
    private final EventMetrics eventMetrics;
    private final RoutingMetrics routingMetrics;
    private final JsonMapper json;
    private final Clock clock;

    public EventIngestService(EventRepository events, RoutingChannels channels, OrganizationNames organizations,
            EventRouter router, EventMetrics eventMetrics,
            RoutingMetrics routingMetrics, JsonMapper json, Clock clock) {
        this.events = events;
        this.channels = channels;
        this.organizations = organizations;
        this.router = router;
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

    /** One request's events, all of one organization. */
    public record Request(String organizationId, List<IncomingEvent> events) {
    }

    /** Stores one request's events in a transaction of its own. */
    @Transactional
    public List<Accepted> ingest(String organizationId, List<IncomingEvent> incoming) {
        return ingestAll(List.of(new Request(organizationId, incoming))).get(0);
    }

    /**
     * Stores many requests' events in the caller's transaction (the group commit of {@link IngestWriter}):
     * per organization, in id order (one lock order for every writer), its requests' events are routed
     * and stored together, as one batch in arrival order, so a sender id repeated across the requests is
     * stored once. Returns each request's answer, in the order of {@code requests}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Accepted>> ingestAll(List<Request> requests) {
        Map<String, List<Integer>> byOrganization = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byOrganization.computeIfAbsent(requests.get(i).organizationId(), k -> new ArrayList<>()).add(i);
        }
        List<List<Accepted>> answers = new ArrayList<>(java.util.Collections.nCopies(requests.size(), null));
        for (Map.Entry<String, List<Integer>> organization : byOrganization.entrySet()) {
            List<IncomingEvent> incoming = new ArrayList<>();
            organization.getValue().forEach(i -> incoming.addAll(requests.get(i).events()));
            List<Accepted> accepted = ingestOrganization(organization.getKey(), incoming);
            int from = 0;
            for (int i : organization.getValue()) {
                int size = requests.get(i).events().size();
                answers.set(i, List.copyOf(accepted.subList(from, from + size)));
                from += size;
            }
        }
        return answers;
    }

    private List<Accepted> ingestOrganization(String organizationId, List<IncomingEvent> incoming) {
        String organizationName = organizations.of(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        List<Channel> organizationChannels = channels.of(organizationId);
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
        for (int i = 0; i < toStore.size(); i++) {
            IncomingEvent in = toStore.get(i);
            GovernanceEvent event = in.event();
            List<Decision> decisions = routed.get(i);
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
        return accepted;
    }

    /**
     * Stores a notice ASCEND produced (what a destination reported about an incident) and routes it like any event,
     * except to {@code sourceChannelId}, in the caller's transaction (the one that applied the change), so the
     * change, the notice and its deliveries commit together. Not through the ingest writer: the caller already
     * holds a transaction, and a notice has no sender id to deduplicate.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeNotice(GovernanceEvent notice, String sourceChannelId) {
        String organizationId = notice.organizationId();
        String organizationName = organizations.of(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        List<Channel> organizationChannels = channels.of(organizationId);
        List<Decision> decisions = router.routeNotice(notice, organizationName, organizationChannels, sourceChannelId);
        StoredEvent stored = new StoredEvent(notice.id(), organizationId, null, notice.type().wireName(),
                notice.actionId(), DedupKeys.forEvent(notice), notice.occurredAt(), clock.instant(), body(notice),
                json.valueToTree(decisions));
        if (!events.insertAll(List.of(stored))) {
            throw new IllegalStateException("notice " + notice.id() + " was not stored");
        }
        AfterCommit.run(() -> {
            eventMetrics.received(notice.type());
            decisions.forEach(routingMetrics::decided);
        });
    }

    private JsonNode body(GovernanceEvent event) {
        ObjectNode body = json.valueToTree(event);
        body.remove("organization_id");
        return body;
    }
}
