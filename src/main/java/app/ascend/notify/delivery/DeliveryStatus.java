package app.ascend.notify.delivery;

import java.util.Locale;

/**
 * The outbox lifecycle: pending → in_flight (claimed under a lease) → delivered | failed (rejected,
 * not retried) | dead (retried until the maximum age) — or back to pending for a retry. A failed or
 * dead delivery can be re-queued by hand.
 */
public enum DeliveryStatus {
    PENDING, IN_FLIGHT, DELIVERED, FAILED, DEAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == DEAD;
    }
}
