package app.ascend.notify.channel.spi;

import java.time.Instant;

/**
 * An incident as its destination's own API describes it when asked (reconciliation), in the core's terms.
 *
 * @param id           the destination's id of the incident
 * @param state        what its status means for ASCEND's incident
 * @param remoteStatus its status in the vendor's words (e.g. {@code resolved})
 * @param actor        who last changed its status, as the vendor summarises them; null when the answer does not say
 * @param changedAt    when its status last changed (the destination's time); null when the answer does not say
 * @param url          its page at the destination; may be null
 */
public record RemoteIncident(String id, State state, String remoteStatus, String actor, Instant changedAt, String url) {

    /** What the destination's status means for ASCEND's incident. */
    public enum State {
        /** Open, nobody acknowledged it (or the acknowledgement lapsed). */
        OPEN,
        /** Open and acknowledged. */
        ACKNOWLEDGED,
        /** Closed. */
        RESOLVED
    }
}
