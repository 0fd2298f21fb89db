package app.ascend.notify.incident;

import java.time.Instant;

/**
 * The incident as its destination last said it is, through an inbound webhook: its status there, who
 * changed it (null for an automatic change), when (the destination's time), its page there and its id there.
 */
public record RemoteState(String status, String actor, Instant changedAt, String url, String id) {
}
