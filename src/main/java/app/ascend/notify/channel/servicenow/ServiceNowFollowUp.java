package app.ascend.notify.channel.servicenow;

import java.util.List;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approval, resolve or acknowledge: {@code PATCH} the trigger's incident (its kept {@code sys_id}). When the
 * trigger kept nothing (it was delivered by an older version, or its reference was lost), the open incident of the
 * correlation id is looked up. When there is none, the follow-up is REFUSED, saying so: there is no ticket to
 * resolve (the trigger was refused, or someone closed the ticket in ServiceNow), and a retry would find none either.
 * REFUSED rather than delivered-as-nothing, so the delivery log shows that no ticket changed.
 */
final class ServiceNowFollowUp {
    private final ServiceNowClient client;
    private final ServiceNowSettings settings;

    ServiceNowFollowUp(ServiceNowClient client, ServiceNowSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    SendResult send(JsonNode payload, String correlationId, MessageKind kind, ServiceNowRemoteRef original) {
        JsonNode fields = payload.get("update");
        if (fields == null || !fields.isObject()) {
            return SendResult.noAnswer(Outcome.REJECTED, "the stored message has no update (a bug: report it)", 0);
        }
        long latency = 0;
        String sysId;
        String number;
        if (original != null) {
            sysId = original.sysId();
            number = original.number();
        } else {
            ServiceNowClient.Lookup lookup = client.find(correlationId, settings.resolveState());
            if (!lookup.result().delivered()) {
                return lookup.result();
            }
            latency = lookup.result().latencyMillis();
            if (lookup.found() == null) {
                return new SendResult(Outcome.REJECTED, lookup.result().httpStatus(), "ServiceNow has no open incident "
                        + "with correlation_id " + correlationId + " to " + (kind == MessageKind.RESOLVE ? "resolve"
                        : "note the acknowledgement on") + ": its trigger was not delivered, or the ticket was resolved "
                        + "or closed in ServiceNow", List.of(), null, latency, null);
            }
            sysId = lookup.found().sysId();
            number = lookup.found().number();
        }
        String label = number != null ? number : "incident " + sysId;
        String what = (kind == MessageKind.RESOLVE ? "the resolve of " : "the work note on ") + label;
        ServiceNowClient.Reply reply = client.update(sysId, (ObjectNode) fields, what);
        SendResult result = reply.result();
        if (!result.delivered()) {
            return result.httpStatus() != null && result.httpStatus() == 404
                    ? new SendResult(Outcome.REJECTED, 404, "ServiceNow no longer has " + label + " (404): it was "
                            + "deleted, or an ACL hides it; nothing to " + (kind == MessageKind.RESOLVE ? "resolve" : "note"),
                            result.errors(), null, latency + result.latencyMillis(), result.responseBody())
                    : result;
        }
        String state = ServiceNowTicket.text(reply.body(), "state");
        String said = kind == MessageKind.RESOLVE ? "ServiceNow resolved " + label + " (state " + (state == null
                ? fields.path("state").asString("?") : state) + ", close code \"" + fields.path("close_code").asString("")
                + "\")" : "ServiceNow added the acknowledgement to " + label + " as a work note";
        return new SendResult(Outcome.DELIVERED, result.httpStatus(), said, List.of(), null,
                latency + result.latencyMillis(), result.responseBody())
                .withRemoteRef(ServiceNowRemoteRef.of(client.instanceUrl(), sysId, number).encoded());
    }
}
