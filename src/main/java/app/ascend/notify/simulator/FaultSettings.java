package app.ascend.notify.simulator;

/**
 * A snapshot of the injected faults.
 *
 * @param latencyMillis       extra delay before every answer on a PagerDuty path
 * @param failNextCount       how many of the next requests still fail with {@code failNextStatus}
 * @param failureRate         probability (0..1) that a request fails with {@code failureRateStatus}
 * @param outage              every request answers 503
 */
public record FaultSettings(
        long latencyMillis,
        int failNextCount,
        int failNextStatus,
        double failureRate,
        int failureRateStatus,
        boolean outage) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 503, 0.0, 429, false);
}
