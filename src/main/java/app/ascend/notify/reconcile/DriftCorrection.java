package app.ascend.notify.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.spi.InboundDelivery;
import app.ascend.notify.channel.spi.RemoteChange;
import app.ascend.notify.channel.spi.RemoteIncident;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.IncidentRepository;
import app.ascend.notify.incident.IncidentStatus;
import app.ascend.notify.incident.RemoteIncidentUpdates;

/**
 * Corrects one incident whose status at the destination differs from ASCEND's, through
 * {@link RemoteIncidentUpdates} (the path inbound webhooks take), so the incident's {@code remote}, its audit
 * trail and the explain view show it as if the lost webhook had come, with a note saying it was reconciliation:
 * "corrected by reconciliation: <destination> says resolved by Jane Doe at …". Runs in the caller's transaction.
 */
@Component
class DriftCorrection {
    /** The inbound event type the trail shows for a correction. */
    static final String EVENT_TYPE = "reconciliation";
    private final RemoteIncidentUpdates updates;
    private final IncidentRepository incidents;
    private final Clock clock;

    DriftCorrection(RemoteIncidentUpdates updates, IncidentRepository incidents, Clock clock) {
        this.updates = updates;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The change needed to bring ASCEND's incident in line with the destination's, or null when they agree. */
    static RemoteChange.Kind drift(IncidentStatus ours, RemoteIncident.State theirs) {
        return switch (theirs) {
            case RESOLVED -> RemoteChange.Kind.RESOLVED;
            case ACKNOWLEDGED -> ours == IncidentStatus.OPEN ? RemoteChange.Kind.ACKNOWLEDGED : null;
            case OPEN -> ours == IncidentStatus.ACKNOWLEDGED ? RemoteChange.Kind.UNACKNOWLEDGED : null;
        };
    }

    /** The correction made, or empty when the incident agreed (or changed meanwhile so that it does). */
    Optional<ReconciliationRun.Correction> correct(Channel channel, String destinationName, Incident incident,
            RemoteIncident remote) {
        RemoteChange.Kind kind = drift(incident.status(), remote.state());
        if (kind == null) {
            return Optional.empty();
        }
        // The destination's own time orders this with the webhooks; without one, now.
        Instant at = remote.changedAt() != null ? remote.changedAt() : clock.instant();
        String note = "corrected by reconciliation: " + destinationName + " says " + remote.remoteStatus()
                + (remote.actor() == null ? "" : " by " + remote.actor()) + " at " + at;
        InboundDelivery delivery = new InboundDelivery(Ids.newId("rcd"), EVENT_TYPE, at, incident.dedupKey(), remote.id(),
                new RemoteChange(kind, remote.remoteStatus(), remote.actor(), note, remote.url()));
        RemoteIncidentUpdates.Applied applied = updates.apply(channel.organizationId(), channel.id(), destinationName,
                delivery);
        if (applied.outcome() != RemoteIncidentUpdates.Outcome.APPLIED || !incident.id().equals(applied.incidentId())) {
            return Optional.empty();
        }
        IncidentStatus now = incidents.find(channel.organizationId(), incident.id()).map(Incident::status)
                .orElse(incident.status());
        if (now == incident.status()) {
            return Optional.empty(); // closed or changed meanwhile: recorded, nothing corrected
        }
        return Optional.of(new ReconciliationRun.Correction(incident.id(), incident.dedupKey(),
                incident.status().wireName(), now.wireName(), note));
    }
}
