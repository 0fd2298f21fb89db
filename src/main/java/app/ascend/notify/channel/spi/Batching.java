package app.ascend.notify.channel.spi;

import java.time.Duration;

/**
 * How a channel type's messages to one destination may be sent together, in one request (a SIEM's
 * collector takes many events per request). The dispatcher gathers due deliveries of one channel and
 * destination into a batch until it holds {@code maxMessages} messages or {@code maxBytes} bytes of
 * stored payload, or its oldest message has waited {@code maxWait}, then hands the batch to
 * {@link ChannelType#sendBatch}. A batch never holds two messages of one sequence (destination and dedup key):
 * those stay in order, one batch after another. Batches are also bounded by the dispatcher's free workers
 * ({@code ASCEND_DELIVERY_WORKERS}): each message in a batch holds one until it is answered.
 *
 * @param maxMessages at most this many messages in one request; 1 means no batching
 * @param maxBytes    at most this many bytes of stored payload (UTF-8 JSON, one byte between messages)
 * @param maxWait     how long the first message of a batch may wait for others; zero sends what one pass of
 *                    the dispatcher found together, without waiting
 */
public record Batching(int maxMessages, int maxBytes, Duration maxWait) {

    /** One message per request. */
    public static final Batching NONE = new Batching(1, Integer.MAX_VALUE, Duration.ZERO);

    public Batching {
        if (maxMessages < 1 || maxBytes < 1 || maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("a batch holds at least one message and waits zero or more");
        }
    }

    public boolean batches() {
        return maxMessages > 1;
    }
}
