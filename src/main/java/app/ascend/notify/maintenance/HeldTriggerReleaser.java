package app.ascend.notify.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.OrganizationRepository;
import app.ascend.notify.incident.IncidentRepository;
import app.ascend.notify.ingest.EventRepository;
import app.ascend.notify.ingest.StoredEvent;
import app.ascend.notify.routing.Decision;
import app.ascend.notify.routing.EventRouter;
import app.ascend.notify.routing.RoutingOutcome;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Releases the triggers held for one action on one channel once nothing mutes them any more: the
 * latest held event is routed again through the normal pipeline, so the page carries the newest
 * data, and every held row of the action is marked with what became of it, so it happens once.
 */
@Component
class HeldTriggerReleaser {
    private static final Logger log = LoggerFactory.getLogger(HeldTriggerReleaser.class);
    private final SuppressedTriggerRepository held;
    private final MaintenanceSuppression maintenance;
    private final ChannelRepository channels;
    private final EventRepository events;
    private final OrganizationRepository organizations;
    private final IncidentRepository incidents;
    private final EventRouter router;
    private final JsonMapper json;

    HeldTriggerReleaser(SuppressedTriggerRepository held, MaintenanceSuppression maintenance, ChannelRepository channels,
            EventRepository events, OrganizationRepository organizations, IncidentRepository incidents,
            EventRouter router, JsonMapper json) {
        this.held = held;
        this.maintenance = maintenance;
        this.channels = channels;
        this.events = events;
        this.organizations = organizations;
        this.incidents = incidents;
        this.router = router;
        this.json = json;
    }

    /** Decides one action's held triggers; false when they must wait (still muted, or another instance has them). Call in a transaction. */
    boolean release(SuppressedTriggerRepository.HeldKey key, Instant now) {
        List<SuppressedTriggerRepository.HeldTrigger> triggers = held.lock(key);
        if (triggers.isEmpty()) {
            return false;
        }
        SuppressedTriggerRepository.HeldTrigger latest = triggers.get(0);
        Optional<Channel> channel = channels.find(key.organizationId(), key.channelId());
        Optional<StoredEvent> stored = events.find(key.organizationId(), latest.eventId());
        if (channel.isEmpty() || stored.isEmpty()) {
            return finish(key, triggers, now, channel.isEmpty() ? "channel_deleted" : "event_deleted", null);
        }
        GovernanceEvent event = rebuild(stored.get());
        if (maintenance.suppresses(channel.get(), event.type(), now).isPresent()) {
            return false; // another window still covers it: released when that one is over too
        }
        if (held.resolvedAfter(key.organizationId(), key.dedupKey(), latest.eventId())) {
            return finish(key, triggers, now, "resolved", null);
        }
        boolean pagedSince = incidents.openFor(key.organizationId(), key.channelId(), key.dedupKey()).stream()
                .anyMatch(incident -> incident.lastEventAt().isAfter(latest.suppressedAt()));
        if (pagedSince) {
            return finish(key, triggers, now, "already_paged", null); // a newer trigger went out after the window
        }
        String organizationName = organizations.findById(key.organizationId()).orElseThrow().name();
        Decision decision = router.route(event, organizationName, List.of(channel.get())).get(0);
        if (decision.outcome().equals(RoutingOutcome.SUPPRESSED.wireName())) {
            return false; // muted again just now (a window created meanwhile): it keeps the trigger
        }
        return finish(key, triggers, now, decision.outcome(),
                decision.deliveryIds().isEmpty() ? null : decision.deliveryIds().get(0));
    }

    private boolean finish(SuppressedTriggerRepository.HeldKey key, List<SuppressedTriggerRepository.HeldTrigger> triggers,
            Instant now, String outcome, String deliveryId) {
        held.markReleased(triggers, now, outcome, deliveryId);
        log.info("released {} held trigger(s) of {} on channel {} after maintenance: {}{}", triggers.size(), key.dedupKey(),
                key.channelId(), outcome, deliveryId == null ? "" : " (delivery " + deliveryId + ")");
        return true;
    }

    /** The event as ingested: the stored body is the event without its organization (see EventIngestService). */
    private GovernanceEvent rebuild(StoredEvent stored) {
        ObjectNode body = ((ObjectNode) stored.body()).deepCopy();
        body.put("organization_id", stored.organizationId());
        return json.treeToValue(body, GovernanceEvent.class);
    }
}
