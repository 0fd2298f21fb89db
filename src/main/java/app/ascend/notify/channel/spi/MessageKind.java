package app.ascend.notify.channel.spi;

/** What a delivery does to the incident of its dedup key; {@code TEST} is a "Send Test Alert". */
public enum MessageKind {
    TRIGGER, ACKNOWLEDGE, RESOLVE, TEST;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
