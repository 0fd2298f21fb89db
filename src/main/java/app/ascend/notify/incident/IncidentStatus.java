package app.ascend.notify.incident;

import java.util.Locale;

/** Open (triggered), acknowledged (still open) or resolved. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
