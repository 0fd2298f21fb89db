package app.ascend.notify.channel;

/**
 * {@code filters}: a trigger passes when its risk score is at least {@code minRiskScore} and at most
 * {@code maxRiskScore} (both inclusive; null: no bound), so two channels with {@code min_risk_score 70} and
 * {@code max_risk_score 69} split every scored trigger between them (the product page's paging channel for
 * high risk beside a chat channel "for lower-severity alerts"). Stored as this record's JSON; a row written before
 * {@code maxRiskScore} existed reads it as null.
 */
public record ChannelFilters(Integer minRiskScore, Integer maxRiskScore) {
    public static final ChannelFilters NONE = new ChannelFilters(null, null);
}
