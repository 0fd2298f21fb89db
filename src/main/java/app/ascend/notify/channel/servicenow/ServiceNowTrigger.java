package app.ascend.notify.channel.servicenow;

import java.util.List;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trigger (or a test alert): look the correlation id up, then note the repeat on the open incident or create one
 * (FACTS.md §8 "Dedup flow"). Every attempt starts with the lookup, so a retry after a create whose answer was lost
 * finds the incident that create made instead of making another.
 */
final class ServiceNowTrigger {
    private final ServiceNowClient client;
    private final ServiceNowSettings settings;

    ServiceNowTrigger(ServiceNowClient client, ServiceNowSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * {@code attempt} 1 finding an open incident is a repeat of the alert (an earlier trigger of the key was
     * delivered): a work note says so. A later attempt finding one found what its own earlier attempt created before
     * the answer was lost: it is kept as is.
     */
    SendResult send(JsonNode payload, String correlationId, int attempt) {
        ServiceNowClient.Lookup lookup = client.find(correlationId, settings.resolveState());
        if (!lookup.result().delivered()) {
            return lookup.result();
        }
        long latency = lookup.result().latencyMillis();
        if (lookup.found() != null && attempt > 1) {
            ServiceNowClient.Found found = lookup.found();
            return new SendResult(Outcome.DELIVERED, lookup.result().httpStatus(), "ServiceNow already had " + label(found)
                    + " for correlation_id " + correlationId + " (an earlier attempt's create, whose answer was lost): "
                    + "kept it instead of a second ticket", List.of(), null, latency, null)
                    .withRemoteRef(ServiceNowRemoteRef.of(client.instanceUrl(), found.sysId(), found.number()).encoded());
        }
        if (lookup.found() != null) {
            ServiceNowClient.Found found = lookup.found();
            ObjectNode note = JsonNodeFactory.instance.objectNode();
            note.put("work_notes", ServiceNowTicket.cut(payload.path("repeat").asString("ASCEND Notify: the alert fired "
                    + "again"), ServiceNowTicket.TEXT_MAX));
            ServiceNowClient.Reply reply = client.update(found.sysId(), note, "the work note on " + label(found));
            SendResult result = reply.result();
            if (!result.delivered()) {
                return result;
            }
            return new SendResult(Outcome.DELIVERED, result.httpStatus(), "ServiceNow already had " + label(found)
                    + " open for correlation_id " + correlationId + ": added a work note instead of a second ticket",
                    List.of(), null, latency + result.latencyMillis(), result.responseBody())
                    .withRemoteRef(ServiceNowRemoteRef.of(client.instanceUrl(), found.sysId(), found.number()).encoded());
        }
        JsonNode fields = payload.get("create");
        if (fields == null || !fields.isObject()) {
            return SendResult.noAnswer(Outcome.REJECTED, "the stored message has no incident to create (a bug: report it)",
                    latency);
        }
        ServiceNowClient.Reply reply = client.create((ObjectNode) fields);
        SendResult result = reply.result();
        if (!result.delivered()) {
            return result;
        }
        String sysId = ServiceNowTicket.text(reply.body(), "sys_id");
        String number = ServiceNowTicket.text(reply.body(), "number");
        if (sysId == null || !ServiceNowSettingsReader.SYS_ID.matcher(sysId).matches()) {
            // Created, we must assume, but unreadable: the retry's lookup finds it rather than creating again.
            return new SendResult(Outcome.RETRY, result.httpStatus(), "ServiceNow's answer to the create had no sys_id; "
                    + "will look the incident up again", List.of(), null, latency + result.latencyMillis(),
                    result.responseBody());
        }
        ServiceNowRemoteRef ref = ServiceNowRemoteRef.of(client.instanceUrl(), sysId, number);
        return new SendResult(Outcome.DELIVERED, result.httpStatus(), "ServiceNow opened " + (number == null ? sysId
                : number) + " (sys_id " + sysId + ")", List.of(), null, latency + result.latencyMillis(),
                result.responseBody()).withRemoteRef(ref.encoded());
    }

    private static String label(ServiceNowClient.Found found) {
        return found.number() != null ? found.number() : "incident " + found.sysId();
    }
}
