package app.ascend.notify.retention;

/** How many rows one sweep deleted, per table. */
public record RetentionReport(int events, int deliveries, int deliveryAttempts, int incidents, int loginFailures,
        int loginLocks, int rateSends, int suppressedTriggers, int inboundWebhooks) {

    public int total() {
        return events + deliveries + deliveryAttempts + incidents + loginFailures + loginLocks + rateSends
                + suppressedTriggers + inboundWebhooks;
    }
}
