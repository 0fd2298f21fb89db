package app.ascend.notify.event;

import app.ascend.notify.ids.Sha256;

/**
 * The {@code dedup_key} of an event. The product page: "ASCEND uses the action ID as the dedup key":
 * {@code ascend-{action_id}}, so the trigger, acknowledge and resolve of one action hit the same alert.
 *
 * <p>We always send our own key: a retried trigger without one would open a second alert ([D2],
 * FACTS.md §10).
 */
public final class DedupKeys {

    static final String PREFIX = "ascend-";
    /** The dedup-key limit of the strictest channel we send to (FACTS.md §2); a sensible bound for any channel. */
    public static final int MAX_LENGTH = 255;
    private static final int SHA256_HEX_LENGTH = 64;
    /** What stays of an over-long key: the rest of the 255 is "-" plus the 64-character hash. */
    static final int KEPT_PREFIX_LENGTH = MAX_LENGTH - 1 - SHA256_HEX_LENGTH;

    private DedupKeys() {
    }

    /**
     * The event's own {@code dedupKey} if given, else {@code ascend-{actionId}}, else {@code ascend-{id}}; for a change
     * always {@code ascend-{id}}.
     */
    public static String forEvent(GovernanceEvent event) {
        if (event.type().action() == EventType.Action.CHANGE) {
            // A change correlates with nothing (it has no dedup key at the destination): its key is its own, so its
            // message is a sequence of its own and never waits behind, or merges with, an action's incident.
            return fitted(PREFIX + event.id());
        }
        String key;
        if (hasText(event.dedupKey())) {
            key = event.dedupKey();
        } else if (hasText(event.actionId())) {
            key = PREFIX + event.actionId();
        } else {
            key = PREFIX + event.id();
        }
        return fitted(key);
    }

    /**
     * The key itself when it fits {@link #MAX_LENGTH} characters ([D2]); otherwise a readable prefix
     * plus "-" plus the SHA-256 hex of the whole key. The hash keeps distinct long keys distinct
     * (Alertmanager hashes its group key for the same reason, [C1]) and the result deterministic,
     * so follow-up acknowledge/resolve events find the alert.
     */
    static String fitted(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        int end = KEPT_PREFIX_LENGTH;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--; // never split a surrogate pair: the channel would see a broken character
        }
        return key.substring(0, end) + "-" + Sha256.hex(key);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
