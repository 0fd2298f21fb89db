package app.ascend.notify.channel;

import java.util.List;

/**
 * {@code filters}: a trigger passes when its risk score is at least {@code minRiskScore} and at most
 * {@code maxRiskScore} (both inclusive; null: no bound), and, when {@code riskLevels} is given, its risk level is
 * one of them, so two channels with {@code min_risk_score 70} and {@code max_risk_score 69} split every scored
 * trigger between them (the product page's paging channel for high risk beside a chat channel "for
 * lower-severity alerts"). Stored as this record's JSON; a row written before a field existed reads it as null.
 *
 * @param riskLevels risk level wire names ({@code GET /api/risk-levels}), most risky first; null: any level
 */
public record ChannelFilters(Integer minRiskScore, Integer maxRiskScore, List<String> riskLevels) {
    public static final ChannelFilters NONE = new ChannelFilters(null, null, null);

    public ChannelFilters {
        riskLevels = riskLevels == null ? null : List.copyOf(riskLevels);
    }
}
