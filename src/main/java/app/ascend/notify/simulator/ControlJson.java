package app.ascend.notify.simulator;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON views of the simulator's values for the {@code /_sim/} control endpoints (camelCase, times ISO-8601). */
final class ControlJson {

    private final JsonMapper json;

    ControlJson(JsonMapper json) {
        this.json = json;
    }

    ArrayNode requests(List<RecordedRequest> requests) {
        ArrayNode array = json.createArrayNode();
        requests.forEach(r -> array.add(request(r)));
        return array;
    }

    ObjectNode request(RecordedRequest r) {
        ObjectNode node = json.createObjectNode();
        node.put("sequence", r.sequence());
        node.put("method", r.method());
        node.put("path", r.path());
        node.put("receivedAtEpochNanos", r.receivedAtEpochNanos());
        node.put("answeredAtEpochNanos", r.answeredAtEpochNanos());
        node.put("status", r.status());
        node.put("outcome", r.outcome().name());
        node.put("routingKey", r.routingKey());
        node.put("dedupKey", r.dedupKey());
        node.put("rawBody", r.rawBody());
        node.set("json", r.json());
        node.put("responseBody", r.responseBody());
        return node;
    }

    ArrayNode incidents(List<SimIncident> incidents) {
        ArrayNode array = json.createArrayNode();
        for (SimIncident incident : incidents) {
            ObjectNode node = array.addObject();
            node.put("number", incident.number());
            node.put("routingKey", incident.routingKey());
            node.put("dedupKey", incident.dedupKey());
            node.put("status", incident.status().wireName());
            node.put("triggerCount", incident.triggerCount());
            node.put("title", incident.title());
            node.put("openedAt", incident.openedAt().toString());
            node.put("updatedAt", incident.updatedAt().toString());
            ArrayNode log = node.putArray("log");
            for (IncidentLogEntry entry : incident.log()) {
                ObjectNode line = log.addObject();
                line.put("action", entry.action().wireName());
                line.put("at", entry.at().toString());
                line.put("requestSequence", entry.requestSequence());
            }
        }
        return array;
    }

    ObjectNode stats(SimulatorStats stats) {
        ObjectNode node = json.createObjectNode();
        node.put("requests", stats.requests());
        ObjectNode byStatus = node.putObject("byStatus");
        stats.byStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byStatus.put(String.valueOf(e.getKey()), e.getValue()));
        ObjectNode byOutcome = node.putObject("byOutcome");
        stats.byOutcome().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byOutcome.put(e.getKey().name(), e.getValue()));
        node.put("acceptedEvents", stats.acceptedEvents());
        node.put("incidentsOpened", stats.incidentsOpened());
        node.put("openIncidents", stats.openIncidents());
        node.put("triggers", stats.triggers());
        ObjectNode perKey = node.putObject("maxEventsPerWindowByRoutingKey");
        stats.maxEventsPerWindowByRoutingKey().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> perKey.put(e.getKey(), e.getValue()));
        return node;
    }

    ObjectNode faults(FaultSettings faults, int rateLimit, Map<String, Integer> rateLimits) {
        ObjectNode node = json.createObjectNode();
        node.put("latencyMs", faults.latencyMillis());
        ObjectNode failNext = node.putObject("failNext");
        failNext.put("count", faults.failNextCount());
        failNext.put("status", faults.failNextStatus());
        ObjectNode failureRate = node.putObject("failureRate");
        failureRate.put("rate", faults.failureRate());
        failureRate.put("status", faults.failureRateStatus());
        node.put("outage", faults.outage());
        node.put("stallBodyNext", faults.stallBodyNextCount());
        node.put("rateLimit", rateLimit);
        ObjectNode perKey = node.putObject("rateLimits");
        rateLimits.forEach(perKey::put);
        return node;
    }
}
