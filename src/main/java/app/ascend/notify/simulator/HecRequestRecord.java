package app.ascend.notify.simulator;

import java.time.Instant;

/** One request to a HEC stand-in collector's event endpoint, with what it answered and how many events it took. */
public record HecRequestRecord(long sequence, Instant receivedAt, int status, int code, String text,
        Integer invalidEventNumber, Long ackId, int eventsSent, int eventsTaken, String channel) {
}
