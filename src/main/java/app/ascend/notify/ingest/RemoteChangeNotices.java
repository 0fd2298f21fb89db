package app.ascend.notify.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.Incident;
import app.ascend.notify.incident.RemoteIncidentChanged;
import app.ascend.notify.incident.RemoteState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a destination reported about an incident, once applied, is a governance event of its own (a notice:
 * {@code incident.acknowledged}, ...), so other channels may subscribe to it (a webhook channel's automation
 * learns who is on an incident). Synchronous, in the transaction that applied the change: the change, the notice
 * and its deliveries commit together, or not at all (the sender then retries the webhook).
 *
 * <p>The notice carries the action, agent, resource, risk and policy of the incident's trigger (the newest event
 * of its dedup key that opens incidents), the incident's dedup key (so it joins the action's ordered sequence at
 * each destination), and in {@code details} where and by whom it changed (the notices section of the inbound webhooks docs).
 */
@Component
class RemoteChangeNotices {
    private static final List<String> TRIGGER_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t.action() == EventType.Action.TRIGGER).map(EventType::wireName).toList();

    private final EventIngestService ingest;
    private final EventRepository events;
    private final ChannelRepository channels;
    private final JsonMapper json;

    RemoteChangeNotices(EventIngestService ingest, EventRepository events, ChannelRepository channels, JsonMapper json) {
        this.ingest = ingest;
        this.events = events;
        this.channels = channels;
        this.json = json;
    }

    @EventListener
    void onRemoteIncidentChanged(RemoteIncidentChanged changed) {
        ingest.storeNotice(notice(changed), changed.channelId());
    }

    GovernanceEvent notice(RemoteIncidentChanged changed) {
        Incident incident = changed.incident();
        RemoteState remote = changed.remote();
        Optional<StoredEvent> opened = events.newestOfKey(changed.organizationId(), incident.dedupKey(), TRIGGER_TYPES);
        Optional<JsonNode> trigger = opened.map(StoredEvent::body);
        String actionType = text(trigger, "action_type");
        String resource = text(trigger, "resource");
        String actionId = incident.actionId() != null ? incident.actionId() : text(trigger, "action_id");
        ObjectNode details = json.createObjectNode();
        details.put("incident_id", incident.id());
        details.put("channel_id", changed.channelId());
        details.put("channel_name", channels.findById(changed.channelId())
                .filter(c -> c.organizationId().equals(changed.organizationId())).map(c -> c.name()).orElse(null));
        details.put("destination", changed.destinationName());
        details.put("remote_event_type", changed.remoteEventType());
        details.put("remote_status", remote.status());
        details.put("by", remote.actor());
        details.put("at", remote.changedAt().toString());
        details.put("remote_url", remote.url());
        details.put("remote_incident_id", remote.id());
        details.put("note", changed.note());
        details.put("outcome", changed.detail());
        details.put("trigger_event_id", opened.map(StoredEvent::id).orElse(null));
        Integer riskScore = trigger.map(t -> t.path("risk_score")).filter(JsonNode::isIntegralNumber)
                .map(JsonNode::intValue).orElse(null);
        return new GovernanceEvent(Ids.newId("evt"), changed.organizationId(), changed.noticeType(), remote.changedAt(),
                actionId, text(trigger, "agent_id"), actionType, resource, riskScore, text(trigger, "risk_level"),
                text(trigger, "policy_name"), text(trigger, "user"), text(trigger, "source_ip"),
                summary(changed, actionType, resource), incident.dedupKey(), details);
    }

    /** "Incident for database_query on customer_database acknowledged in <destination> by Jane Doe". */
    static String summary(RemoteIncidentChanged changed, String actionType, String resource) {
        StringBuilder s = new StringBuilder("Incident");
        if (actionType != null || resource != null) {
            s.append(" for");
            if (actionType != null) {
                s.append(' ').append(actionType);
            }
            if (resource != null) {
                s.append(" on ").append(resource);
            }
        } else {
            s.append(' ').append(changed.incident().dedupKey());
        }
        String verb = changed.noticeType().wireName().substring("incident.".length());
        s.append(' ').append(verb);
        if (changed.noticeType() == EventType.INCIDENT_UPDATED) {
            s.append(" (").append(changed.remoteEventType()).append(')');
        }
        s.append(" in ").append(changed.destinationName());
        if (changed.remote().actor() != null) {
            s.append(" by ").append(changed.remote().actor());
        }
        return s.toString();
    }

    private static String text(Optional<JsonNode> node, String field) {
        return node.map(n -> n.path(field)).filter(JsonNode::isString).map(JsonNode::stringValue)
                .filter(v -> !v.isBlank()).orElse(null);
    }
}
