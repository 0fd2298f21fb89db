package app.ascend.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import app.ascend.notify.channel.spi.Batching;

/**
 * Due deliveries of batching channel types, gathered per channel and destination until their batch is
 * full (by messages or bytes) or its first message has waited the type's {@link Batching#maxWait()}. Only
 * the dispatcher's loop thread uses it. Each gathered delivery is claimed under a lease and holds one of the
 * dispatcher's worker permits, so what waits here is bounded by the workers.
 *
 * @param <T> what the dispatcher keeps of a delivery cleared to send
 */
final class BatchGathering<T> {
    private final Map<String, Open<T>> open = new LinkedHashMap<>();

    /** One delivery to gather: its batch key (channel and destination), size and limits. */
    record Item<T>(String key, int bytes, Batching limits, T value) {

        static <T> Item<T> of(ClaimedDelivery delivery, Batching limits, T value) {
            int bytes = delivery.payload() == null ? 0
                    : delivery.payload().toString().getBytes(StandardCharsets.UTF_8).length + 1;
            return new Item<>(delivery.channelId() + '\n' + delivery.destination(), bytes, limits, value);
        }
    }

    private static final class Open<T> {
        final Batching limits;
        final long dueAtNanos;
        final List<T> values = new ArrayList<>();
        long bytes;

        Open(Batching limits, long nowNanos) {
            this.limits = limits;
            this.dueAtNanos = nowNanos + limits.maxWait().toNanos();
        }

        boolean fits(Item<?> item) {
            return values.size() < limits.maxMessages() && bytes + item.bytes() <= limits.maxBytes();
        }

        boolean full() {
            return values.size() >= limits.maxMessages() || bytes >= limits.maxBytes();
        }
    }

    /**
     * Adds a delivery to its batch and returns the batches that must go now: the one it did not fit in
     * (sent as it was, the delivery starting the next), and its own once full. A message bigger than the
     * byte limit goes alone; the type answers for it.
     */
    List<List<T>> add(Item<T> item, long nowNanos) {
        List<List<T>> ready = new ArrayList<>(1);
        Open<T> batch = open.get(item.key());
        if (batch != null && !batch.fits(item)) {
            open.remove(item.key());
            ready.add(batch.values);
            batch = null;
        }
        if (batch == null) {
            batch = new Open<>(item.limits(), nowNanos);
            open.put(item.key(), batch);
        }
        batch.values.add(item.value());
        batch.bytes += item.bytes();
        if (batch.full()) {
            open.remove(item.key());
            ready.add(batch.values);
        }
        return ready;
    }

    /** Removes and returns the batches whose first message has waited long enough. */
    List<List<T>> due(long nowNanos) {
        List<List<T>> ready = new ArrayList<>();
        for (Iterator<Open<T>> it = open.values().iterator(); it.hasNext();) {
            Open<T> batch = it.next();
            if (nowNanos - batch.dueAtNanos >= 0) {
                it.remove();
                ready.add(batch.values);
            }
        }
        return ready;
    }

    /** Removes and returns every batch, due or not. */
    List<List<T>> all() {
        List<List<T>> ready = new ArrayList<>();
        open.values().forEach(batch -> ready.add(batch.values));
        open.clear();
        return ready;
    }

    /** When the next batch comes due, if any is open. */
    OptionalLong nextDueNanos() {
        OptionalLong next = OptionalLong.empty();
        for (Open<T> batch : open.values()) {
            if (next.isEmpty() || batch.dueAtNanos - next.getAsLong() < 0) {
                next = OptionalLong.of(batch.dueAtNanos);
            }
        }
        return next;
    }

    boolean isEmpty() {
        return open.isEmpty();
    }
}
