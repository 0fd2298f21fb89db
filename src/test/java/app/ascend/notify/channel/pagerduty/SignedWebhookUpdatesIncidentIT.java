package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyWebhooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed PagerDuty v3 webhook changes ASCEND's incident: an acknowledgement and then a resolve by a
 * responder show in the incident list, the explain view and the audit trail, and a later approval of the
 * action sends nothing more to PagerDuty and says why.
 */
class SignedWebhookUpdatesIncidentIT extends PagerDutyWebhookApiTest {

    @Test
    void theChannelShowsItsWebhookUrlAndSetupAndMasksTheSecret() {
        Paged paged = paged();

        JsonNode channel = paged.pipeline().admin().get(Channels.PATH + "/" + paged.channelId()).json();

        assertThat(channel.get("config").get("webhook_secret").stringValue()).isEqualTo(Channels.masked(paged.secret()));
        assertThat(channel.toString()).doesNotContain(paged.secret());
        assertThat(channel.get("webhook_url").stringValue())
                .isEqualTo("https://pilot.owkai.app/api/webhooks/pagerduty/" + paged.channelId());
        assertThat(channel.get("webhook_setup").toString()).contains(channel.get("webhook_url").stringValue())
                .contains("incident.acknowledged").contains("config.webhook_secret");

        // Sent back masked (as read), the stored secret is kept: a webhook signed with it still verifies.
        ApiResponse renamed = paged.pipeline().admin().put(Channels.PATH + "/" + paged.channelId(), channel);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        ApiResponse ping = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), "{\"event\":{\"id\":\"01PING\",\"event_type\":\"pagey.ping\","
                        + "\"resource_type\":\"pagey\",\"occurred_at\":\"" + Instant.now() + "\",\"agent\":null,"
                        + "\"client\":null,\"data\":{\"message\":\"Hello from your friend Pagey!\",\"type\":\"ping\"}}}");
        assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
        assertThat(ping.json().get("status").stringValue()).isEqualTo("not_understood");
        assertThat(received(paged.pipeline(), paged.channelId())).singleElement()
                .satisfies(r -> assertThat(r.get("event_type").stringValue()).isEqualTo("pagey.ping"));
    }

    @Test
    void anAcknowledgementShowsInTheIncidentTheExplainViewAndTheAuditTrail() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(),
                PagerDutyWebhooks.incidentEvent("incident.acknowledged", paged.dedupKey(), "acknowledged", "Jane Doe", at));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().get("status").stringValue()).isEqualTo("applied");
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("acknowledged");
        assertThat(incident.get("remote").get("status").stringValue()).isEqualTo("acknowledged");
        assertThat(incident.get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");
        assertThat(Instant.parse(incident.get("remote").get("changed_at").stringValue())).isEqualTo(at);

        JsonNode decision = paged.pipeline().decision(paged.triggerEventId(), paged.channelId());
        assertThat(decision.get("incident").get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");
        assertThat(decision.get("incident").get("remote").get("status").stringValue()).isEqualTo("acknowledged");

        JsonNode audit = paged.pipeline().admin().get("/api/audit-log?target_id=" + incident.get("id").stringValue())
                .json().get("items").get(0);
        assertThat(audit.get("action").stringValue()).isEqualTo("incident.remote_acknowledged");
        assertThat(audit.get("actor_email").stringValue()).isEqualTo("PagerDuty: Jane Doe");
        assertThat(audit.get("changes").get("at").stringValue()).isEqualTo(at.toString());
    }

    @Test
    void aNulInTheRespondersNameOrTheLinkIsDroppedAndTheAcknowledgementApplied() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode delivery = PagerDutyWebhooks.incidentEvent("incident.acknowledged", paged.dedupKey(), "acknowledged",
                "Jane\u0000 Doe", at);
        ObjectNode data = (ObjectNode) delivery.get("event").get("data");
        data.put("html_url", data.get("html_url").stringValue() + "\u0000");

        ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), delivery);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        JsonNode remote = incident(paged.pipeline(), paged.dedupKey()).get("remote");
        assertThat(remote.get("actor").stringValue()).isEqualTo("Jane Doe");
        assertThat(remote.get("url").stringValue()).isEqualTo(data.get("html_url").stringValue().replace("\u0000", ""));
        assertThat(received(paged.pipeline(), paged.channelId())).singleElement()
                .satisfies(r -> assertThat(r.get("outcome").stringValue()).isEqualTo("applied"));
    }

    @Test
    void aResolveInPagerDutyClosesTheIncidentAndALaterApprovalSendsNothingAndSaysWhy() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(),
                PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(), "resolved", "Jane Doe", at));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("resolved");
        assertThat(incident.get("reason").stringValue())
                .isEqualTo("the incident was resolved in PagerDuty by Jane Doe at " + at);
        assertThat(Instant.parse(incident.get("resolved_at").stringValue())).isEqualTo(at);

        // The explain view of the trigger shows the incident as PagerDuty last said it is: resolved, by whom, when.
        JsonNode explained = paged.pipeline().decision(paged.triggerEventId(), paged.channelId()).get("incident");
        assertThat(explained.get("status").stringValue()).isEqualTo("resolved");
        assertThat(explained.get("reason").stringValue()).isEqualTo("the incident was resolved in PagerDuty by Jane Doe at " + at);
        JsonNode remote = explained.get("remote");
        assertThat(remote.get("status").stringValue()).isEqualTo("resolved");
        assertThat(remote.get("actor").stringValue()).isEqualTo("Jane Doe");
        assertThat(Instant.parse(remote.get("changed_at").stringValue())).isEqualTo(at);

        String approval = paged.pipeline().postEvent(Events.approval(paged.actionId()));

        JsonNode decision = paged.pipeline().decision(approval, paged.channelId());
        assertThat(decision.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(decision.get("reason").stringValue())
                .isEqualTo("the incident was resolved in PagerDuty by Jane Doe at " + at
                        + ", so there is nothing more to resolve there");
        assertThat(paged.pipeline().deliveriesOf(approval)).isEmpty();
        assertThat(inbox(paged.routingKey()).accepted(paged.dedupKey())).extracting(e -> e.get("event_action").stringValue())
                .isEqualTo(List.of("trigger"));
    }

    @Test
    void aReopenOpensTheIncidentAgainAndAnAnnotationFindsItByPagerDutysId() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode resolved = PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(), "resolved", "Jane Doe", at);
        PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), PagerDutyWebhooks.newWebhookId(),
                (tools.jackson.databind.node.ObjectNode) resolved);

        ApiResponse reopened = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), PagerDutyWebhooks.incidentEvent("incident.reopened", paged.dedupKey(),
                        "triggered", "Sam Roe", at.plusSeconds(5)));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(202);
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("open");
        assertThat(incident.get("reason").isNull()).isTrue();

        // incident.annotated carries an incident_note; the incident is named by PagerDuty's id only.
        String pagerDutyId = resolved.get("event").get("data").get("id").stringValue();
        String note = "{\"event\":{\"id\":\"01NOTE\",\"event_type\":\"incident.annotated\",\"resource_type\":\"incident\","
                + "\"occurred_at\":\"" + at.plusSeconds(9) + "\",\"agent\":{\"summary\":\"Sam Roe\",\"type\":\"user_reference\"},"
                + "\"client\":null,\"data\":{\"incident\":{\"html_url\":\"https://acme.pagerduty.com/incidents/" + pagerDutyId
                + "\",\"id\":\"" + pagerDutyId + "\",\"type\":\"incident_reference\"},\"id\":\"P8AAAAA\","
                + "\"content\":\"Rolled back the agent's policy\",\"trimmed\":false,\"type\":\"incident_note\"}}}";
        ApiResponse annotated = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), note);

        assertThat(annotated.status()).as(annotated.toString()).isEqualTo(202);
        assertThat(annotated.json().get("status").stringValue()).isEqualTo("applied");
        assertThat(annotated.json().get("detail").stringValue())
                .isEqualTo("incident.annotated by Sam Roe: Rolled back the agent's policy");
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("remote").get("status").stringValue())
                .isEqualTo("triggered");
    }
}
