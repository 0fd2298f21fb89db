package app.ascend.notify.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every request received on a PagerDuty path, queried in arrival order ({@link RecordedRequest#sequence()}).
 * A request is added once answered, so concurrent requests may be added out of order; queries sort. Thread-safe.
 */
final class RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> all() {
        return matching(r -> true);
    }

    List<RecordedRequest> since(long sequence) {
        return matching(r -> r.sequence() > sequence);
    }

    /** Answered 202: accepted alert and change events. */
    List<RecordedRequest> accepted() {
        return matching(RecordedRequest::accepted);
    }

    /** Accepted alert events carrying this (effective) dedup key, under any routing key. */
    List<RecordedRequest> acceptedFor(String dedupKey) {
        return matching(r -> r.accepted() && Objects.equals(r.dedupKey(), dedupKey));
    }

    List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        List<RecordedRequest> copy;
        synchronized (this) {
            copy = new ArrayList<>(requests);
        }
        return copy.stream().filter(filter).sorted(Comparator.comparingLong(RecordedRequest::sequence)).toList();
    }

    synchronized Map<Integer, Long> countByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        requests.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    synchronized Map<EventOutcome, Long> countByOutcome() {
        Map<EventOutcome, Long> counts = new EnumMap<>(EventOutcome.class);
        requests.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts;
    }

    synchronized int size() {
        return requests.size();
    }

    synchronized void clear() {
        requests.clear();
    }
}
