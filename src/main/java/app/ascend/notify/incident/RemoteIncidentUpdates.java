package app.ascend.notify.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.channel.spi.InboundDelivery;
import app.ascend.notify.channel.spi.RemoteChange;

/**
 * Records on ASCEND's incident what its destination says happened to it there (a responder acknowledged
 * or resolved it), in the caller's transaction, with an audit entry by the destination. The incident is
 * the newest of the channel for the delivery's incident key (our dedup key); changes are ordered by the
 * destination's own time, so a delivery older than the last one recorded (retries may overtake each
 * other over the 48 h a vendor may retry) never rolls the incident back.
 */
@Service
public class RemoteIncidentUpdates {
    private static final Logger log = LoggerFactory.getLogger(RemoteIncidentUpdates.class);
    /** The audit actor: the destination itself, through its signed webhook. */
    public static final String ACTOR_ID = "inbound-webhook";
    private static final int TEXT_MAX = 300;

    private final IncidentRepository incidents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public RemoteIncidentUpdates(IncidentRepository incidents, AuditTrail audit, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
    }

    /** What became of one delivery. */
    public enum Outcome {
        /** The incident was changed, or what the destination says of it recorded. */
        APPLIED,
        /** No incident of the channel has this key (opened by someone else, or already deleted by retention). */
        UNMATCHED,
        /** Older than the last change recorded for the incident: kept, not applied. */
        OUT_OF_ORDER,
        /** A type the channel type does not know, or about no incident: kept and shown, nothing changed. */
        NOT_UNDERSTOOD;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The outcome, the incident it concerned (null when none), and a sentence for people. */
    public record Applied(Outcome outcome, String incidentId, String detail) {
    }

    /**
     * Applies a verified delivery for a channel. {@code destinationName} is the type's display name
     * ("resolved in <name> by Jane Doe at …").
     */
    public Applied apply(String organizationId, String channelId, String destinationName, InboundDelivery delivery) {
        RemoteChange change = delivery.change();
        if (delivery.incidentKey() == null && delivery.remoteIncidentId() == null) {
            return new Applied(Outcome.NOT_UNDERSTOOD, null, delivery.eventType() + " is about no incident"
                    + (change.note() == null ? "" : ": " + cut(change.note())));
        }
        Optional<Incident> found = delivery.incidentKey() != null
                ? incidents.lockNewest(organizationId, channelId, delivery.incidentKey())
                : incidents.lockNewestByRemoteId(organizationId, channelId, delivery.remoteIncidentId());
        if (found.isEmpty()) {
            return new Applied(Outcome.UNMATCHED, null, delivery.incidentKey() != null
                    ? "no incident of this channel has the incident key " + delivery.incidentKey()
                    : "no incident of this channel is known by " + destinationName + " id " + delivery.remoteIncidentId());
        }
        Incident incident = found.get();
        if (change.kind() == RemoteChange.Kind.NOT_UNDERSTOOD) {
            return new Applied(Outcome.NOT_UNDERSTOOD, incident.id(), delivery.eventType() + " is not understood; kept");
        }
        Instant at = delivery.occurredAt();
        if (incident.remote() != null && at.isBefore(incident.remote().changedAt())) {
            return new Applied(Outcome.OUT_OF_ORDER, incident.id(), delivery.eventType() + " at " + at
                    + " is older than the last change recorded (" + incident.remote().changedAt() + "); not applied");
        }
        String actor = cut(change.actor());
        RemoteState remote = new RemoteState(cut(change.remoteStatus(), 40), actor, at, cut(change.remoteUrl(), 1000),
                cut(delivery.remoteIncidentId(), 100));
        String by = actor == null ? "" : " by " + actor;
        String detail = switch (change.kind()) {
            case ACKNOWLEDGED -> incidents.remoteStatus(incident.id(), IncidentStatus.ACKNOWLEDGED, remote)
                    ? "acknowledged in " + destinationName + by : "recorded (the incident is closed in ASCEND)";
            case UNACKNOWLEDGED -> incidents.remoteStatus(incident.id(), IncidentStatus.OPEN, remote)
                    ? "unacknowledged in " + destinationName + by : "recorded (the incident is closed in ASCEND)";
            case RESOLVED -> {
                String reason = "the incident was resolved in " + destinationName + by + " at " + at;
                yield incidents.remoteResolve(incident.id(), at, reason, remote) ? reason
                        : "recorded (the incident was closed in ASCEND already)";
            }
            case REOPENED -> incidents.remoteReopen(incident.id(), remote) ? "reopened in " + destinationName + by
                    : "recorded (not reopened in ASCEND: it is open, or a newer incident of its key is)";
            case UPDATED -> {
                incidents.writeRemote(incident.id(), remote);
                yield delivery.eventType() + by + (change.note() == null ? "" : ": " + cut(change.note()));
            }
            case NOT_UNDERSTOOD -> throw new IllegalStateException("handled above");
        };
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("event_type", delivery.eventType());
        changes.put("channel_id", channelId);
        changes.put("dedup_key", incident.dedupKey());
        changes.put("remote_status", remote.status());
        changes.put("by", actor);
        changes.put("at", at.toString());
        if (change.note() != null) {
            changes.put("note", cut(change.note()));
        }
        changes.put("detail", detail);
        audit.record(organizationId, ACTOR_ID, destinationName + (actor == null ? "" : ": " + actor),
                "incident.remote_" + change.kind().name().toLowerCase(java.util.Locale.ROOT), "incident", incident.id(), changes);
        log.info("incident {} org {} channel {}: {} ({})", incident.id(), organizationId, channelId, delivery.eventType(), detail);
        // Every applied change, whichever path applied it (a webhook, a reconciliation), becomes a notice event
        // other channels may subscribe to, stored and routed by a synchronous listener in this transaction.
        events.publishEvent(new RemoteIncidentChanged(organizationId, channelId, destinationName, incident,
                delivery.eventType(), change.kind(), remote, cut(change.note()), detail));
        return new Applied(Outcome.APPLIED, incident.id(), detail);
    }

    /** Within the columns, never splitting a surrogate pair. */
    private static String cut(String text) {
        return cut(text, TEXT_MAX);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
