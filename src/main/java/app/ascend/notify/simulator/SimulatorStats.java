package app.ascend.notify.simulator;

import java.util.Map;

/**
 * Counters over everything recorded since start or the last reset.
 *
 * @param requests                    requests received on PagerDuty paths
 * @param byStatus                    requests per HTTP status answered
 * @param byOutcome                   requests per {@link EventOutcome}
 * @param acceptedEvents              requests answered 202 (alert and change events)
 * @param incidentsOpened             incidents ever opened
 * @param openIncidents               incidents triggered or acknowledged now
 * @param triggers                    accepted trigger events (opening and joining)
 * @param maxEventsPerWindowByRoutingKey per routing key, the most accepted events seen in any 60 s window
 */
public record SimulatorStats(
        long requests,
        Map<Integer, Long> byStatus,
        Map<EventOutcome, Long> byOutcome,
        long acceptedEvents,
        long incidentsOpened,
        long openIncidents,
        long triggers,
        Map<String, Integer> maxEventsPerWindowByRoutingKey) {

    public SimulatorStats {
        byStatus = Map.copyOf(byStatus);
        byOutcome = Map.copyOf(byOutcome);
        maxEventsPerWindowByRoutingKey = Map.copyOf(maxEventsPerWindowByRoutingKey);
    }
}
