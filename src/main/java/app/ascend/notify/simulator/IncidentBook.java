package app.ascend.notify.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents keyed by (routing key, dedup key), following the Events API lifecycle (FACTS.md §3, [D2]):
 * <ul>
 *   <li>a trigger opens an incident when none is open for its key, otherwise it joins the open one as another
 *       trigger log entry (no new incident; an acknowledged incident stays acknowledged);</li>
 *   <li>acknowledge moves the open incident to acknowledged, resolve closes it;</li>
 *   <li>acknowledge/resolve with no open incident (unknown or resolved key) is dropped;</li>
 *   <li>a trigger after resolve opens a new incident, never reopens the old one;</li>
 *   <li>the same dedup key under another routing key is another incident ([D2], [S2]).</li>
 * </ul>
 * Thread-safe.
 */
final class IncidentBook {

    private record Key(String routingKey, String dedupKey) {
    }

    /** The mutable state behind one {@link SimIncident}; guarded by the book's lock. */
    private static final class Incident {
        final long number;
        final Key key;
        final String title;
        final Instant openedAt;
        final List<IncidentLogEntry> log = new ArrayList<>();
        IncidentStatus status = IncidentStatus.TRIGGERED;
        int triggerCount;
        Instant updatedAt;
        /** Who last changed the status by hand (null: the Events API, or nobody yet). */
        String lastChangedBy;
        Instant lastStatusChangeAt;

        Incident(long number, Key key, String title, Instant openedAt) {
            this.number = number;
            this.key = key;
            this.title = title;
            this.openedAt = openedAt;
            this.lastStatusChangeAt = openedAt;
        }

        void append(EventAction action, Instant at, long requestSequence) {
            log.add(new IncidentLogEntry(action, at, requestSequence));
            updatedAt = at;
            if (action == EventAction.TRIGGER) {
                triggerCount++;
            }
        }

        SimIncident snapshot() {
            return new SimIncident(number, key.routingKey(), key.dedupKey(), status, triggerCount, title,
                    openedAt, updatedAt, log, lastChangedBy, lastStatusChangeAt);
        }
    }

    /** Told of every change of an incident's status (opened, acknowledged, resolved), under the book's lock. */
    interface Listener {
        void changed(SimIncident incident, String eventType, String agent, Instant at);
    }

    private final Listener listener;

    IncidentBook() {
        this((incident, eventType, agent, at) -> { });
    }

    IncidentBook(Listener listener) {
        this.listener = listener;
    }

    private final List<Incident> all = new ArrayList<>();
    private final Map<Key, Incident> open = new HashMap<>();
    private final Map<Key, List<Incident>> history = new HashMap<>();

    /** Applies one accepted alert event and says what it did. */
    synchronized EventOutcome apply(EventAction action, String routingKey, String dedupKey, String summary,
                                    Instant at, long requestSequence) {
        Key key = new Key(routingKey, dedupKey);
        Incident incident = open.get(key);
        switch (action) {
            case TRIGGER -> {
                if (incident != null) {
                    incident.append(action, at, requestSequence);
                    return EventOutcome.JOINED;
                }
                Incident opened = new Incident(all.size() + 1L, key, summary, at);
                opened.append(action, at, requestSequence);
                all.add(opened);
                open.put(key, opened);
                history.computeIfAbsent(key, k -> new ArrayList<>()).add(opened);
                listener.changed(opened.snapshot(), "incident.triggered", null, at);
                return EventOutcome.OPENED;
            }
            case ACKNOWLEDGE -> {
                if (incident == null) {
                    return EventOutcome.DROPPED;
                }
                incident.status = IncidentStatus.ACKNOWLEDGED;
                incident.lastChangedBy = null;
                incident.lastStatusChangeAt = at;
                incident.append(action, at, requestSequence);
                listener.changed(incident.snapshot(), "incident.acknowledged", null, at);
                return EventOutcome.ACKNOWLEDGED;
            }
            case RESOLVE -> {
                if (incident == null) {
                    return EventOutcome.DROPPED;
                }
                incident.status = IncidentStatus.RESOLVED;
                incident.lastChangedBy = null;
                incident.lastStatusChangeAt = at;
                incident.append(action, at, requestSequence);
                open.remove(key);
                listener.changed(incident.snapshot(), "incident.resolved", null, at);
                return EventOutcome.RESOLVED;
            }
            default -> throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    /**
     * A responder's acknowledge or resolve in the web UI (the simulator's {@code /_sim/incidents/...}): as the
     * Events API's, with {@code agent} named as who acted; empty when no incident of the key is open.
     */
    synchronized Optional<SimIncident> byHand(EventAction action, String routingKey, String dedupKey, String agent,
            Instant at) {
        return byHand(action, routingKey, dedupKey, agent, at, false);
    }

    /**
     * As {@link #byHand(EventAction, String, String, String, Instant)}; {@code silent}: no subscription is told
     * (a webhook PagerDuty lost, or one never set up), so only the REST API shows the change: drift for
     * reconciliation to find.
     */
    synchronized Optional<SimIncident> byHand(EventAction action, String routingKey, String dedupKey, String agent,
            Instant at, boolean silent) {
        Incident incident = open.get(new Key(routingKey, dedupKey));
        if (incident == null || action == EventAction.TRIGGER) {
            return Optional.empty();
        }
        incident.append(action, at, 0);
        incident.lastChangedBy = agent;
        incident.lastStatusChangeAt = at;
        if (action == EventAction.RESOLVE) {
            incident.status = IncidentStatus.RESOLVED;
            open.remove(incident.key);
        } else {
            incident.status = IncidentStatus.ACKNOWLEDGED;
        }
        SimIncident snapshot = incident.snapshot();
        if (silent) {
            return Optional.of(snapshot);
        }
        listener.changed(snapshot, action == EventAction.RESOLVE ? "incident.resolved" : "incident.acknowledged", agent, at);
        return Optional.of(snapshot);
    }

    /** Every incident ever opened, in the order opened. */
    synchronized List<SimIncident> incidents() {
        return all.stream().map(Incident::snapshot).toList();
    }

    /** Every incident ever opened for this pair, oldest first; more than one means a trigger came after a resolve. */
    synchronized List<SimIncident> incidentsFor(String routingKey, String dedupKey) {
        return history.getOrDefault(new Key(routingKey, dedupKey), List.of()).stream()
                .map(Incident::snapshot).toList();
    }

    synchronized Optional<SimIncident> openIncident(String routingKey, String dedupKey) {
        return Optional.ofNullable(open.get(new Key(routingKey, dedupKey))).map(Incident::snapshot);
    }

    synchronized int openCount() {
        return open.size();
    }

    synchronized int openedCount() {
        return all.size();
    }

    synchronized void clear() {
        all.clear();
        open.clear();
        history.clear();
    }
}
