package app.ascend.notify.channel;

/** {@code filters}: an event passes when its risk score is at least {@code minRiskScore} (null: no filter). */
public record ChannelFilters(Integer minRiskScore) {
    public static final ChannelFilters NONE = new ChannelFilters(null);
}
