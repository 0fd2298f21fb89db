package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.PagerDutyWebhooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The other state changes PagerDuty signs: an unacknowledgement (an acknowledgement timing out) opens ASCEND's
 * incident again; a reassignment and an escalation leave its status as it is and record who acted, when, and
 * to whom the incident went, in the incident, the explain view, the audit trail and the received webhooks.
 */
class ResponderChangesShowOnTheIncidentIT extends PagerDutyWebhookApiTest {

    @Test
    void anUnacknowledgementOpensTheAcknowledgedIncidentAgain() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ApiResponse acknowledged = post(paged,
                PagerDutyWebhooks.incidentEvent("incident.acknowledged", paged.dedupKey(), "acknowledged", "Jane Doe", at));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(202);
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("acknowledged");

        // The acknowledgement timed out: PagerDuty names no agent and the incident is triggered again.
        ApiResponse answer = post(paged, PagerDutyWebhooks.incidentEvent("incident.unacknowledged", paged.dedupKey(),
                "triggered", null, at.plusSeconds(5)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().get("status").stringValue()).isEqualTo("applied");
        assertThat(answer.json().get("detail").stringValue()).isEqualTo("unacknowledged in PagerDuty");
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("open");
        assertThat(incident.get("remote").get("status").stringValue()).isEqualTo("triggered");
        assertThat(incident.get("remote").get("actor").isNull()).isTrue();
        assertThat(Instant.parse(incident.get("remote").get("changed_at").stringValue())).isEqualTo(at.plusSeconds(5));

        JsonNode explained = paged.pipeline().decision(paged.triggerEventId(), paged.channelId()).get("incident");
        assertThat(explained.get("status").stringValue()).isEqualTo("open");
        assertThat(explained.get("remote").get("status").stringValue()).isEqualTo("triggered");

        JsonNode audit = newestAudit(paged, incident);
        assertThat(audit.get("action").stringValue()).isEqualTo("incident.remote_unacknowledged");
        assertThat(audit.get("actor_email").stringValue()).isEqualTo("PagerDuty");
        assertThat(audit.get("changes").get("at").stringValue()).isEqualTo(at.plusSeconds(5).toString());
    }

    @Test
    void aReassignmentRecordsWhoReassignedWhenAndToWhom() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiResponse answer = post(paged, PagerDutyWebhooks.assignedTo(PagerDutyWebhooks.incidentEvent(
                "incident.reassigned", paged.dedupKey(), "triggered", "Jane Doe", at), "Sam Roe"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().get("status").stringValue()).isEqualTo("applied");
        assertThat(answer.json().get("detail").stringValue()).isEqualTo("incident.reassigned by Jane Doe: assigned to Sam Roe");
        assertUpdated(paged, "incident.reassigned", "Jane Doe", at, "assigned to Sam Roe");
    }

    @Test
    void anEscalationRecordsWhoEscalatedWhenAndToWhom() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiResponse answer = post(paged, PagerDutyWebhooks.assignedTo(PagerDutyWebhooks.incidentEvent(
                "incident.escalated", paged.dedupKey(), "triggered", "Sam Roe", at), "Kim Poe", "Lee Moe"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().get("status").stringValue()).isEqualTo("applied");
        assertThat(answer.json().get("detail").stringValue())
                .isEqualTo("incident.escalated by Sam Roe: assigned to Kim Poe, Lee Moe");
        assertUpdated(paged, "incident.escalated", "Sam Roe", at, "assigned to Kim Poe, Lee Moe");
    }

    /** The incident is still open; who acted and when show in it and in the explain view, the note in the trail. */
    private static void assertUpdated(Paged paged, String eventType, String actor, Instant at, String note) {
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("open");
        assertThat(incident.get("remote").get("status").stringValue()).isEqualTo("triggered");
        assertThat(incident.get("remote").get("actor").stringValue()).isEqualTo(actor);
        assertThat(Instant.parse(incident.get("remote").get("changed_at").stringValue())).isEqualTo(at);

        JsonNode explained = paged.pipeline().decision(paged.triggerEventId(), paged.channelId()).get("incident");
        assertThat(explained.get("status").stringValue()).isEqualTo("open");
        assertThat(explained.get("remote").get("actor").stringValue()).isEqualTo(actor);
        assertThat(Instant.parse(explained.get("remote").get("changed_at").stringValue())).isEqualTo(at);

        JsonNode audit = newestAudit(paged, incident);
        assertThat(audit.get("action").stringValue()).isEqualTo("incident.remote_updated");
        assertThat(audit.get("actor_email").stringValue()).isEqualTo("PagerDuty: " + actor);
        assertThat(audit.get("changes").get("event_type").stringValue()).isEqualTo(eventType);
        assertThat(audit.get("changes").get("by").stringValue()).isEqualTo(actor);
        assertThat(audit.get("changes").get("at").stringValue()).isEqualTo(at.toString());
        assertThat(audit.get("changes").get("note").stringValue()).isEqualTo(note);

        assertThat(received(paged.pipeline(), paged.channelId())).singleElement().satisfies(r -> {
            assertThat(r.get("event_type").stringValue()).isEqualTo(eventType);
            assertThat(r.get("outcome").stringValue()).isEqualTo("applied");
            assertThat(r.get("incident_id").stringValue()).isEqualTo(incident.get("id").stringValue());
            assertThat(r.get("detail").stringValue()).isEqualTo(eventType + " by " + actor + ": " + note);
        });
    }

    private ApiResponse post(Paged paged, ObjectNode delivery) {
        return PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), PagerDutyWebhooks.newWebhookId(),
                delivery);
    }

    private static JsonNode newestAudit(Paged paged, JsonNode incident) {
        ApiResponse audit = paged.pipeline().admin().get("/api/audit-log?target_id=" + incident.get("id").stringValue());
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        return audit.json().get("items").get(0);
    }
}
