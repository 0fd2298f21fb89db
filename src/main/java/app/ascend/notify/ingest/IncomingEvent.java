package app.ascend.notify.ingest;

import app.ascend.notify.event.GovernanceEvent;

/** A validated event of an ingest request, with the sender's own id (for idempotency) when it gave one. */
public record IncomingEvent(String sourceId, GovernanceEvent event) {
}
