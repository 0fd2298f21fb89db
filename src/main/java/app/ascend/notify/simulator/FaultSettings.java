package app.ascend.notify.simulator;

/**
 * A snapshot of the injected faults.
 *
 * @param latencyMillis       extra delay before every answer on a PagerDuty path
 * @param failNextCount       how many of the next requests still fail with {@code failNextStatus}
 * @param failureRate         probability (0..1) that a request fails with {@code failureRateStatus}
 * @param outage              every request answers 503
 * @param stallBodyNextCount  how many of the next requests are handled but answered with the headers and half
 *                            the body, the rest never coming (a stalled PagerDuty or proxy)
 */
public record FaultSettings(
        long latencyMillis,
        int failNextCount,
        int failNextStatus,
        double failureRate,
        int failureRateStatus,
        boolean outage,
        int stallBodyNextCount) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 503, 0.0, 429, false, 0);

    public FaultSettings(long latencyMillis, int failNextCount, int failNextStatus, double failureRate,
            int failureRateStatus, boolean outage) {
        this(latencyMillis, failNextCount, failNextStatus, failureRate, failureRateStatus, outage, 0);
    }
}
