package app.ascend.notify.channel.pagerduty;

/**
 * The event stays over PagerDuty's 512 KB limit ([D1] Size Limits) even with custom_details reduced
 * to the minimum: some other field (agent id, organization name) is huge. Sending it would only earn a
 * 400, so this is a permanent failure, never retried.
 */
public class EventTooLargeException extends RuntimeException {

    private final int sizeBytes;

    public EventTooLargeException(int sizeBytes) {
        super("PagerDuty event is " + sizeBytes + " bytes even after removing custom_details; limit is "
                + PagerDutyLimits.MAX_EVENT_BYTES + " bytes");
        this.sizeBytes = sizeBytes;
    }

    public int sizeBytes() {
        return sizeBytes;
    }
}
