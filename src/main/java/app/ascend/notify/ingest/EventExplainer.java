package app.ascend.notify.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.ascend.notify.delivery.DeliveryLog;
import app.ascend.notify.delivery.DeliveryView;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.IncidentRepository;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads events back with their decisions and deliveries; a decision whose trigger was refused or died
 * also shows the incident it did not open, and why; one whose incident its destination changed (through an
 * inbound webhook) shows that incident as the destination last said it is.
 */
@Component
class EventExplainer {
    private final EventRepository events;
    private final DeliveryLog deliveries;
    private final IncidentRepository incidents;
    private final JsonMapper json;

    EventExplainer(EventRepository events, DeliveryLog deliveries, IncidentRepository incidents, JsonMapper json) {
        this.events = events;
        this.deliveries = deliveries;
        this.incidents = incidents;
        this.json = json;
    }

    Page<ObjectNode> page(String organizationId, String actionId, PageParams page) {
        return Page.of(events.page(organizationId, actionId, page), page, StoredEvent::id).map(this::view);
    }

    ObjectNode explain(String organizationId, String id) {
        StoredEvent event = events.find(organizationId, id).orElseThrow(() -> new NotFoundException("event", id));
        List<String> ids = new ArrayList<>();
        event.decisions().forEach(d -> d.path("delivery_ids").forEach(x -> ids.add(x.stringValue())));
        Map<String, DeliveryView> byId = deliveries.byIds(organizationId, ids).stream()
                .collect(Collectors.toMap(DeliveryView::id, Function.identity()));
        Map<String, Incident> notOpened = incidents.notOpenedBy(organizationId, event.dedupKey(), ids);
        ObjectNode answer = json.createObjectNode();
        answer.set("event", view(event));
        ArrayNode decisions = answer.putArray("decisions");
        for (JsonNode decision : event.decisions()) {
            ObjectNode copy = ((ObjectNode) decision).deepCopy();
            ArrayNode list = copy.putArray("deliveries");
            decision.path("delivery_ids").forEach(x -> {
                DeliveryView delivery = byId.get(x.stringValue());
                if (delivery != null) {
                    list.add(json.valueToTree(delivery));
                }
            });
            decision.path("delivery_ids").forEach(x -> {
                Incident incident = notOpened.get(x.stringValue());
                if (incident != null) {
                    ObjectNode shown = copy.putObject("incident");
                    shown.put("id", incident.id());
                    shown.put("status", incident.status().wireName());
                    shown.put("reason", incident.reason());
                }
            });
            if (!copy.has("incident") && decision.hasNonNull("channel_id")) {
                incidents.newest(organizationId, decision.get("channel_id").stringValue(), event.dedupKey())
                        .filter(incident -> incident.remote() != null)
                        .ifPresent(incident -> copy.set("incident", remoteView(incident)));
            }
            copy.remove("delivery_ids");
            decisions.add(copy);
        }
        return answer;
    }

    /** The incident as its destination last said it is: status there, who changed it, when. */
    private ObjectNode remoteView(Incident incident) {
        ObjectNode shown = json.createObjectNode();
        shown.put("id", incident.id());
        shown.put("status", incident.status().wireName());
        if (incident.reason() != null) {
            shown.put("reason", incident.reason());
        }
        ObjectNode remote = shown.putObject("remote");
        remote.put("status", incident.remote().status());
        remote.put("actor", incident.remote().actor());
        remote.put("changed_at", incident.remote().changedAt().toString());
        if (incident.remote().url() != null) {
            remote.put("url", incident.remote().url());
        }
        return shown;
    }

    private ObjectNode view(StoredEvent event) {
        ObjectNode view = json.createObjectNode();
        view.put("id", event.id());
        view.put("source_id", event.sourceId());
        view.put("dedup_key", event.dedupKey());
        view.put("received_at", event.receivedAt().toString());
        ((ObjectNode) event.body()).properties().forEach(e -> {
            if (!e.getKey().equals("id") && !e.getValue().isNull()) {
                view.set(e.getKey(), e.getValue());
            }
        });
        return view;
    }
}
