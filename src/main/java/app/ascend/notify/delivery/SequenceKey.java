package app.ascend.notify.delivery;

import app.ascend.notify.ids.Sha256;

/**
 * The sequence a delivery belongs to: one destination and dedup key (for a paging service, one alert),
 * so every message for it, through whichever channel, is sent strictly in order ({@link Outbox}). The
 * destination is the type's whole address (a region and key, a URL): two regions are two sequences.
 * Stored as a SHA-256 hash, so the outbox holds no key in clear.
 */
public final class SequenceKey {
    private SequenceKey() {
    }

    public static String of(String destination, String dedupKey) {
        return Sha256.hex(destination + "\n" + dedupKey);
    }
}
