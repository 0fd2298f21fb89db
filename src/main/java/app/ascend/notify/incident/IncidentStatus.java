package app.ascend.notify.incident;

import java.util.Locale;

/**
 * Open (triggered), acknowledged (still open), resolved, or not opened: its trigger was refused or died,
 * so the destination never had it (the incident says why).
 */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, NOT_OPENED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still open at the destination: open or acknowledged. */
    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

    public static IncidentStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
