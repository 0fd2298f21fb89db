package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ServiceNowRequest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * One ServiceNow incident per action, through real HTTP to the stand-in: the trigger looks its correlation id up and
 * creates the incident (string values, impact and urgency from the risk level, the dedup key as correlation_id); a
 * repeat adds a work note to it; the approval resolves that same incident by its sys_id with the configured state,
 * Resolution code and notes. The delivery and the event's explanation link to the ticket.
 */
class ServiceNowIncidentLifecycleIT extends ServiceNowApiTest {

    @Test
    void aTriggerOpensOneIncidentAndTheApprovalResolvesIt() {
        Pipeline pipeline = newPipeline();
        String instance = newInstance();
        PAGERDUTY.serviceNow().setRequireCloseFields(instance, true);
        create(pipeline, serviceNow(instance, List.of("action.blocked", "action.approved")));
        String action = Events.newActionId();

        String triggerId = pipeline.postEvent(Events.trigger("action.blocked", action, 95)
                .put("summary", "Agent tried to delete production database").put("agent_id", "customer-service-agent")
                .put("resource", "production.users"));
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(triggerId).get("status").stringValue()));

        List<JsonNode> opened = incidents(instance);
        assertThat(opened).hasSize(1);
        JsonNode incident = opened.get(0);
        assertThat(incident.get("correlation_id").stringValue()).isEqualTo("ascend-" + action);
        assertThat(incident.get("correlation_display").stringValue()).isEqualTo("ASCEND Notify");
        assertThat(incident.get("short_description").stringValue())
                .isEqualTo("[CRITICAL] Action blocked: Agent tried to delete production database");
        assertThat(incident.get("description").stringValue()).contains("customer-service-agent")
                .contains("production.users").contains("https://pilot.owkai.app/actions/" + action);
        assertThat(incident.get("impact").stringValue()).isEqualTo("1");
        assertThat(incident.get("urgency").stringValue()).isEqualTo("1");
        assertThat(incident.get("priority").stringValue()).isEqualTo("1");
        assertThat(kinds(instance)).containsExactly("lookup", "create");
        assertThat(requests(instance)).allSatisfy(r -> assertThat(r.problems()).isEmpty());

        String sysId = incident.get("sys_id").stringValue();
        String number = incident.get("number").stringValue();
        JsonNode delivered = pipeline.deliveryOf(triggerId);
        assertThat(delivered.get("remote").get("label").stringValue()).isEqualTo(number);
        assertThat(delivered.get("remote").get("url").stringValue()).isEqualTo(urlOf(instance)
                + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + sysId);
        JsonNode explained = pipeline.explain(triggerId);
        assertThat(explained.toString()).contains("\"label\":\"" + number + "\"");

        String approvalId = pipeline.postEvent(Events.approval(action).put("user", "alice@example.com"));
        eventually().until(() -> pipeline.deliveriesOf(approvalId).stream()
                .anyMatch(d -> "delivered".equals(d.get("status").stringValue())));

        assertThat(incidents(instance)).hasSize(1);
        JsonNode resolved = incidents(instance).get(0);
        assertThat(resolved.get("state").stringValue()).isEqualTo("6");
        assertThat(resolved.get("close_code").stringValue()).isEqualTo("Solution provided");
        assertThat(resolved.get("close_notes").stringValue()).contains("approved by alice@example.com");
        ServiceNowRequest patch = requests(instance).get(requests(instance).size() - 1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.path()).endsWith("/" + sysId);
        assertThat(kinds(instance)).containsExactly("lookup", "create", "update");
        assertThat(PAGERDUTY.serviceNow().workNotes(instance, sysId)).singleElement().asString()
                .contains("approved by alice@example.com");
    }

    @Test
    void aRepeatOfAnOpenIncidentIsAWorkNoteNotASecondTicket() {
        Pipeline pipeline = newPipeline();
        String instance = newInstance();
        create(pipeline, serviceNow(instance, List.of("action.blocked", "policy.violation")));
        String action = Events.newActionId();

        String first = pipeline.postEvent(Events.trigger("action.blocked", action, 50));
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(first).get("status").stringValue()));
        String second = pipeline.postEvent(Events.trigger("policy.violation", action, 75));
        eventually().until(() -> pipeline.deliveriesOf(second).stream()
                .anyMatch(d -> "delivered".equals(d.get("status").stringValue()))
                || "delivered".equals(pipeline.deliveryOf(first).get("status").stringValue())
                        && kinds(instance).contains("update"));

        assertThat(incidents(instance)).hasSize(1);
        String sysId = incidents(instance).get(0).get("sys_id").stringValue();
        assertThat(PAGERDUTY.serviceNow().workNotes(instance, sysId)).singleElement().asString()
                .contains("the alert fired again");
    }

    @Test
    void theSecretIsMaskedInEveryAnswerAndSentBackMaskedKeepsIt() {
        Pipeline pipeline = newPipeline();
        String instance = newInstance();
        JsonNode created = create(pipeline, serviceNow(instance, List.of("action.blocked")));
        String id = created.get("id").stringValue();
        String maskedPassword = created.get("config").get("password").stringValue();
        assertThat(maskedPassword).startsWith("****").isNotEqualTo(PASSWORD);
        assertThat(created.get("config").get("instance_url").stringValue())
                .isEqualTo("http://127.0.0.1:" + PAGERDUTY.port() + "/…");

        // Sent back as read: the stored password (and instance) stay, so deliveries still sign in.
        PAGERDUTY.serviceNow().requireBasic(instance, "ascend.integration", PASSWORD);
        assertThat(pipeline.admin().patch(CHANNELS + "/" + id, Map.of("config", Map.of("instance_url",
                created.get("config").get("instance_url").stringValue(), "username", "ascend.integration",
                "password", maskedPassword))).status()).isEqualTo(200);
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 60));
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(eventId).get("status").stringValue()));
        for (String body : List.of(pipeline.admin().get(CHANNELS).body(), pipeline.admin().get(CHANNELS + "/" + id).body(),
                pipeline.admin().get("/api/notifications/deliveries?channel_id=" + id).body(),
                pipeline.explain(eventId).toString())) {
            assertThat(body).doesNotContain(PASSWORD);
        }
    }
}
