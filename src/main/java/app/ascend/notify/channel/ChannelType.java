package app.ascend.notify.channel;

import java.util.List;
import java.util.Map;

import app.ascend.notify.event.EventType;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a kind of channel (pagerduty now; slack, teams, webhook, siem, servicenow later) contributes to
 * the channel model. The channel package handles the common fields (name, type, enabled, events,
 * filters); a type owns the rest of the document and everything secret in it. Adding a type is a
 * new bean implementing this, in its own package; nothing here or in other types changes.
 */
public interface ChannelType {

    /** The {@code type} value, e.g. {@code pagerduty}. */
    String name();

    /** The top-level channel fields this type owns, e.g. {@code config}, {@code severity_mapping}. */
    List<String> ownedFields();

    /**
     * Validates the type's fields of a channel document and returns them normalized (defaults applied,
     * keys in clear). Values sent back masked are replaced by the matching key of {@code stored} (the
     * channel's current settings, or null on create); errors are added with their paths.
     */
    ObjectNode readSettings(JsonFields channel, ObjectNode stored, List<EventType> events);

    /** The settings as every answer shows them: keys masked. */
    ObjectNode masked(ObjectNode settings);

    /** Advice about settings that are valid but will not work as meant (never quoting a key). */
    List<String> warnings(ObjectNode settings, List<EventType> events);

    /**
     * Where each subscribed type would be sent (e.g. the resolved routing key), to find channels that
     * send the same types to the same place. Values are secrets: compare them, never show them.
     */
    Map<EventType, String> destinations(ObjectNode settings, List<EventType> subscribed);
}
