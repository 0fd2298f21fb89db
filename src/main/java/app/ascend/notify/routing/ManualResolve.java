package app.ascend.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.Outbox;
import app.ascend.notify.delivery.SequenceKey;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.identity.OrganizationRepository;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.IncidentRepository;
import app.ascend.notify.incident.IncidentStatus;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.NotFoundException;

/**
 * {@code POST /api/incidents/{id}/resolve}: closes an incident by hand, for one whose resolve never
 * came. The resolve is rendered as if ASCEND had sent {@code action.resolved} for the incident's action
 * and queued in the incident's sequence, so it is sent like any other delivery (retried, rate-limited,
 * logged) and never before the trigger it closes. Marked resolved, queued and audited in one transaction.
 */
@Service
public class ManualResolve {
    private final IncidentRepository incidents;
    private final ChannelRepository channels;
    private final OrganizationRepository organizations;
    private final ChannelTypes types;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public ManualResolve(IncidentRepository incidents, ChannelRepository channels, OrganizationRepository organizations,
            ChannelTypes types, Outbox outbox, AuditTrail audit, Clock clock) {
        this.incidents = incidents;
        this.channels = channels;
        this.organizations = organizations;
        this.types = types;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The answer: the incident, now resolved, and the delivery that carries the resolve. {@code destination}
     * is masked; {@code routingKey} repeats it when the destination is a routing key (see {@link Decision}).
     */
    public record Queued(String id, String status, String dedupKey, String destination, String routingKey,
            Instant resolvedAt, String deliveryId) {
    }

    @Transactional
    public Queued resolve(AscendPrincipal by, String id) {
        Incident incident = incidents.find(by.organizationId(), id).orElseThrow(() -> new NotFoundException("incident", id));
        if (incident.status() == IncidentStatus.RESOLVED) {
            throw alreadyResolved(id);
        }
        if (incident.status() == IncidentStatus.NOT_OPENED) {
            throw new ConflictException("status", "incident " + id + " was never opened at the destination ("
                    + incident.reason() + "), so there is nothing to resolve");
        }
        // Rendering needs the channel's settings; a deleted channel's incidents must be closed at the destination.
        ChannelType type = types.get(incident.channelType());
        Channel channel = channels.find(by.organizationId(), incident.channelId())
                .orElseThrow(() -> new ConflictException("channel_id", "channel " + incident.channelId()
                        + " of incident " + id + " was deleted, so no resolve can be sent through it; resolve the "
                        + "incident in " + type.displayName()));
        Instant now = clock.instant();
        RenderedMessage message = type.render(channel.ref(), resolveEvent(incident, now),
                organizations.findById(by.organizationId()).orElseThrow().name());
        if (!incidents.resolve(id, now)) {
            throw alreadyResolved(id); // a resolve event closed it a moment ago
        }
        String deliveryId = Ids.newId("dlv");
        outbox.insert(new NewDelivery(deliveryId, by.organizationId(), null, channel.id(), channel.type(), message.kind(),
                SequenceKey.of(incident.destination(), incident.dedupKey()), incident.dedupKey(),
                incident.destination(), incident.destinationMasked(),
                message.priority(), message.payload(), now));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("dedup_key", incident.dedupKey());
        changes.put("channel_id", channel.id());
        changes.put(type.destinationIsRoutingKey() ? "routing_key" : "destination",
                incident.destinationMasked());
        changes.put("delivery_id", deliveryId);
        audit.record(by, "incident.resolved", "incident", id, changes);
        return new Queued(id, IncidentStatus.RESOLVED.wireName(), incident.dedupKey(), incident.destinationMasked(),
                type.destinationIsRoutingKey() ? incident.destinationMasked() : null, now, deliveryId);
    }

    /** The {@code action.resolved} ASCEND would have sent: same action, same dedup key. */
    private static GovernanceEvent resolveEvent(Incident incident, Instant now) {
        return new GovernanceEvent(Ids.newId("evt"), incident.organizationId(), EventType.ACTION_RESOLVED, now,
                incident.actionId(), null, null, null, null, null, null, null, null, null, incident.dedupKey(), null);
    }

    private static ConflictException alreadyResolved(String id) {
        return new ConflictException("status", "incident " + id + " is already resolved");
    }
}
