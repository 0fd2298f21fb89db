package app.ascend.notify.delivery;

import app.ascend.notify.ids.Sha256;

/**
 * The sequence a delivery belongs to: PagerDuty keeps one alert per routing key and dedup key (FACTS.md
 * §3), so every message for it, through whichever channel, is sent strictly in order ({@link Outbox}).
 * The destination carries the region: the same key in the US and the EU service regions is two alerts.
 * Stored as a SHA-256 hash, so the outbox holds no key in clear.
 */
public final class SequenceKey {
    private SequenceKey() {
    }

    public static String of(String destination, String dedupKey) {
        return Sha256.hex(destination + "\n" + dedupKey);
    }
}
