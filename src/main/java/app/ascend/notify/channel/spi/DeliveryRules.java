package app.ascend.notify.channel.spi;

/**
 * How a channel type's deliveries behave, which the core follows without knowing the vendor.
 *
 * @param opensIncidents         a trigger opens an ASCEND incident per (channel, destination, dedup key),
 *                               which its resolve or acknowledge closes (paging services, ticket systems)
 * @param mergesWaitingTriggers  a later trigger of the same incident merges into one still waiting to be
 *                               sent, carrying the newer data (a paging service only appends repeats to its alert);
 *                               false: every event is a message of its own (chat, webhooks, SIEM)
 * @param followUps              which resolve and acknowledge events this type is sent
 * @param sendsWithSettings      {@link ChannelType#send} needs the channel's current settings (e.g. a signing
 *                               secret that may have been rotated since the message was queued)
 * @param followUpsNeedOriginal  a follow-up needs what the destination answered to its trigger (the
 *                               {@link SendResult#remoteRef()} kept with it, as {@link Outgoing#originalRef()}),
 *                               e.g. to update the original chat message rather than post a new one
 */
public record DeliveryRules(boolean opensIncidents, boolean mergesWaitingTriggers, FollowUps followUps,
        boolean sendsWithSettings, boolean followUpsNeedOriginal) {

    /** Rules whose follow-ups need nothing of their trigger's answer. */
    public DeliveryRules(boolean opensIncidents, boolean mergesWaitingTriggers, FollowUps followUps,
            boolean sendsWithSettings) {
        this(opensIncidents, mergesWaitingTriggers, followUps, sendsWithSettings, false);
    }

    public enum FollowUps {
        /** Resolves and acknowledges go where an incident of the dedup key is open, whatever the filters. */
        OPEN_INCIDENTS,
        /** Every subscribed event is routed like a trigger (enabled, subscribed, filters), as its own message. */
        EVERY_EVENT,
        /**
         * A conversation (chat): every trigger is its own message, and a resolve or acknowledge goes, as its own
         * message and whatever the filters, to a channel that queued a trigger of the dedup key to the same
         * destination. A channel for lower-severity alerts then hears of the approval of its own alerts, not of
         * one it never showed.
         */
        AFTER_TRIGGER
    }

    public DeliveryRules {
        if (opensIncidents != (followUps == FollowUps.OPEN_INCIDENTS)) {
            throw new IllegalArgumentException("a type follows up open incidents exactly when it opens them");
        }
        if (mergesWaitingTriggers && !opensIncidents) {
            throw new IllegalArgumentException("triggers merge per incident: only a type that opens incidents merges");
        }
    }
}
