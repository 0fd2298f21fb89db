package app.ascend.notify.channel.spi;

/**
 * What a delivery does to the incident of its dedup key; {@code TEST} is a "Send Test Alert"; {@code CHANGE}
 * records a change and does nothing to any incident (informational, never "incident opened"); {@code NOTICE}
 * reports what happened to an incident at its destination and does nothing to any incident.
 */
public enum MessageKind {
    TRIGGER, ACKNOWLEDGE, RESOLVE, TEST, CHANGE, NOTICE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
