package app.ascend.notify.simulator;

/**
 * A misbehaviour of one HEC stand-in collector for its next {@code count} event requests ({@link #UNTIL_CLEARED}:
 * until cleared), to test how a sender reads HEC's answers (shared/reference/splunk-hec/FACTS.md §5, §6):
 *
 * @param code          a HEC code answered for the whole request instead of taking it (9 busy 503, 8 500, 4 invalid
 *                      token 403, 1 token disabled 403, …), or -1 for none
 * @param retryAfter    a {@code Retry-After} value sent with {@code code} (whether HEC sends one is unconfirmed), or null
 * @param badEventAt    the event at this zero-based position of a request is refused (400, code 6, with
 *                      {@code invalid-event-number}); the events before it are taken; -1 for none
 * @param ackAfterPolls an ackId of these requests answers {@code false} to this many polls before {@code true}
 *                      (acks that come late); -1 never acknowledges; 0 for none
 * @param count         how many requests this applies to, or {@link #UNTIL_CLEARED}
 */
public record HecFault(int code, String retryAfter, int badEventAt, int ackAfterPolls, int count) {
    public static final int UNTIL_CLEARED = -1;
    public static final int NEVER = -1;

    public HecFault {
        if (count == 0 || count < UNTIL_CLEARED) {
            throw new IllegalArgumentException("'count' must be a positive integer or -1 (until cleared), was " + count);
        }
        if (code != -1) {
            HecCode known = HecCode.of(code);
            if (known.status < 400) {
                throw new IllegalArgumentException("'code' must be an error code, was " + code);
            }
        }
        if (retryAfter != null && (code == -1 || !retryAfter.matches("[\\x20-\\x7E]{1,64}"))) {
            throw new IllegalArgumentException("'retry_after' needs a 'code' and must be 1 to 64 printable ASCII characters");
        }
        if (badEventAt < -1) {
            throw new IllegalArgumentException("'bad_event_at' must be >= 0");
        }
        if (ackAfterPolls < -1) {
            throw new IllegalArgumentException("'ack_after_polls' must be >= 0, or -1 for never");
        }
        if (code == -1 && badEventAt == -1 && ackAfterPolls == 0) {
            throw new IllegalArgumentException("A fault needs 'code', 'bad_event_at' or 'ack_after_polls'");
        }
    }

    public static HecFault code(int code, int count) {
        return new HecFault(code, null, -1, 0, count);
    }

    public static HecFault badEventAt(int position, int count) {
        return new HecFault(-1, null, position, 0, count);
    }

    public static HecFault ackAfterPolls(int polls, int count) {
        return new HecFault(-1, null, -1, polls, count);
    }
}
