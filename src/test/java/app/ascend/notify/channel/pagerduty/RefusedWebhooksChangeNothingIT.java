package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PagerDutyWebhooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliveries that must change nothing get the right answer: a bad or missing signature, or a URL of no such
 * channel, the same 401 (no hint whether the channel exists); a malformed body 400 naming the field; a
 * replay (the same signed event id, under any X-Webhook-Id) 200 "already_received"; a stale one 200 "stale"; an older one than the last applied is kept as
 * out_of_order; an unknown incident key 202, kept as unmatched for the admin to see.
 */
class RefusedWebhooksChangeNothingIT extends PagerDutyWebhookApiTest {

    @Test
    void everyUnverifiedDeliveryGetsTheSame401AndNothingIsKept() {
        Paged paged = paged();
        String body = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(),
                "resolved", "Mallory", Instant.now()));
        String webhookChannel = paged.pipeline().createChannel(Map.of("name", "Hook", "type", "webhook",
                "config", Map.of("url", "https://hooks.example.test/ascend")));
        String withoutSecret = paged.pipeline().createChannel(Channels.pagerDuty("No secret", newRoutingKey()));
        String good = PagerDutyWebhooks.signature(paged.secret(), body);
        String id = PagerDutyWebhooks.newWebhookId();

        List<ApiResponse> answers = new ArrayList<>();
        answers.add(PagerDutyWebhooks.send(anonymous(), paged.channelId(), body, PagerDutyWebhooks.headers(id, null)));
        answers.add(PagerDutyWebhooks.send(anonymous(), paged.channelId(), body,
                PagerDutyWebhooks.headers(id, PagerDutyWebhooks.signature(newSecret(), body))));
        answers.add(PagerDutyWebhooks.send(anonymous(), paged.channelId(), body + " ", PagerDutyWebhooks.headers(id, good)));
        answers.add(PagerDutyWebhooks.send(anonymous(), paged.channelId(), body,
                PagerDutyWebhooks.headers(id, "v0=" + good.substring(3))));
        answers.add(PagerDutyWebhooks.send(anonymous(), paged.channelId(), body,
                PagerDutyWebhooks.headers(id, good.toUpperCase())));
        answers.add(PagerDutyWebhooks.send(anonymous(), "chan_00000000000000000000000000", body,
                PagerDutyWebhooks.headers(id, good)));
        answers.add(PagerDutyWebhooks.send(anonymous(), webhookChannel, body, PagerDutyWebhooks.headers(id, good)));
        answers.add(PagerDutyWebhooks.send(anonymous(), withoutSecret, body, PagerDutyWebhooks.headers(id, good)));
        answers.add(anonymous().send("POST", "/api/webhooks/slack/" + paged.channelId(), "application/json", body,
                PagerDutyWebhooks.headers(id, good)));

        for (ApiResponse answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json().get("detail").stringValue())
                    .isEqualTo(answers.get(0).json().get("detail").stringValue());
            assertThat(answer.json().get("title").stringValue()).isEqualTo("Unauthorized");
            // Nothing but the request's own path (the problem's instance) names a type or says what the channel is.
            assertThat(answer.body().replace(answer.json().get("instance").stringValue(), ""))
                    .doesNotContain("pagerduty").doesNotContain("chan_");
        }
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("open");
        assertThat(received(paged.pipeline(), paged.channelId())).isEmpty();
    }

    @Test
    void aRotationsSecondSignatureVerifies() {
        Paged paged = paged();
        String body = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.acknowledged", paged.dedupKey(),
                "acknowledged", "Jane Doe", Instant.now()));
        String header = PagerDutyWebhooks.signature(newSecret(), body) + ",v1=zz," + PagerDutyWebhooks.signature(paged.secret(), body);

        ApiResponse answer = PagerDutyWebhooks.send(anonymous(), paged.channelId(), body,
                PagerDutyWebhooks.headers(PagerDutyWebhooks.newWebhookId(), header));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("acknowledged");
    }

    @Test
    void aMalformedSignedDeliveryAnswers400NamingTheFieldAndIsNotKept() {
        Paged paged = paged();
        Map<String, String> cases = Map.of(
                "not json", "body",
                "{\"nothing\": 1}", "event",
                "{\"event\": {\"event_type\": \"incident.acknowledged\", \"data\": {\"type\": \"incident\"}}}", "event.occurred_at",
                "{\"event\": {\"occurred_at\": \"2026-12-06T16:00:00Z\"}}", "event.event_type",
                "{\"event\": {\"event_type\": \"incident.resolved\", \"occurred_at\": \"yesterday\"}}", "event.occurred_at",
                "{\"event\": {\"event_type\": \"incident.resolved\", \"occurred_at\": \"2026-12-06T16:00:00Z\", "
                        + "\"data\": {\"type\": \"incident\", \"incident_key\": 7}}}", "event.data.incident_key",
                "{\"event\": {\"id\": \"01N\", \"event_type\": \"incident.resolved\", \"occurred_at\": \"" + Instant.now() + "\", "
                        + "\"data\": {\"type\": \"incident\", \"incident_key\": \"" + paged.dedupKey() + "\\u0000\"}}}",
                "event.data.incident_key");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                    PagerDutyWebhooks.newWebhookId(), c.getKey());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.fieldErrors()).as(answer.toString()).containsKey(c.getValue());
        }
        String good = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(),
                "resolved", "Jane Doe", Instant.now()));
        ApiResponse withoutId = PagerDutyWebhooks.send(anonymous(), paged.channelId(), good,
                PagerDutyWebhooks.headers(null, PagerDutyWebhooks.signature(paged.secret(), good)));
        assertThat(withoutId.status()).as(withoutId.toString()).isEqualTo(400);
        assertThat(withoutId.fieldErrors()).containsKey("X-Webhook-Id");
        ApiResponse future = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(),
                        "resolved", "Jane Doe", Instant.now().plus(Duration.ofHours(1))));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.fieldErrors()).containsKey("event.occurred_at");

        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("open");
        assertThat(received(paged.pipeline(), paged.channelId())).isEmpty();
    }

    @Test
    void aReplayedDeliveryIsAlreadyReceivedAndChangesNothing() {
        Paged paged = paged();
        String id = PagerDutyWebhooks.newWebhookId();
        Instant at = Instant.now();
        String acknowledged = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.acknowledged",
                paged.dedupKey(), "acknowledged", "Jane Doe", at));
        ApiResponse first = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), id, acknowledged);
        assertThat(first.status()).isEqualTo(202);

        ApiResponse retried = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), id, acknowledged);
        // A captured delivery sent again under a header of the replayer's choosing: the header is not signed,
        // the event's id in the body is.
        ApiResponse replayedUnderNewHeader = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), acknowledged);

        for (ApiResponse answer : List.of(retried, replayedUnderNewHeader)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("status").stringValue()).isEqualTo("already_received");
        }
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("acknowledged");
        assertThat(received(paged.pipeline(), paged.channelId())).hasSize(1);
    }

    @Test
    void aStaleDeliveryIsIgnoredAndNotKept() {
        Paged paged = paged();

        ApiResponse stale = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(),
                        "resolved", "Jane Doe", Instant.now().minus(Duration.ofHours(50))));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        assertThat(stale.json().get("status").stringValue()).isEqualTo("stale");
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("open");
        assertThat(received(paged.pipeline(), paged.channelId())).isEmpty();
    }

    @Test
    void anOlderDeliveryThanTheLastAppliedIsKeptButNeverRollsTheIncidentBack() {
        Paged paged = paged();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), PagerDutyWebhooks.newWebhookId(),
                PagerDutyWebhooks.incidentEvent("incident.resolved", paged.dedupKey(), "resolved", "Jane Doe", at));

        ApiResponse older = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), PagerDutyWebhooks.incidentEvent("incident.reopened", paged.dedupKey(),
                        "triggered", "Sam Roe", at.minusSeconds(30)));

        assertThat(older.status()).as(older.toString()).isEqualTo(202);
        assertThat(older.json().get("status").stringValue()).isEqualTo("out_of_order");
        JsonNode incident = incident(paged.pipeline(), paged.dedupKey());
        assertThat(incident.get("status").stringValue()).isEqualTo("resolved");
        assertThat(incident.get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");
    }

    @Test
    void anUnknownIncidentKeyIsAcceptedAndListedAsUnmatched() {
        Paged paged = paged();
        ObjectNode foreign = PagerDutyWebhooks.incidentEvent("incident.acknowledged", "opened-by-someone-else",
                "acknowledged", "Jane Doe", Instant.now());

        ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), foreign);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().get("status").stringValue()).isEqualTo("unmatched");
        JsonNode kept = received(paged.pipeline(), paged.channelId()).get(0);
        assertThat(kept.get("outcome").stringValue()).isEqualTo("unmatched");
        assertThat(kept.get("incident_key").stringValue()).isEqualTo("opened-by-someone-else");
        assertThat(kept.get("detail").stringValue()).contains("opened-by-someone-else");
        assertThat(kept.get("body").stringValue()).isEqualTo(PagerDutyWebhooks.json(foreign));
        ApiResponse unmatched = paged.pipeline().admin().get("/api/notifications/channels/" + paged.channelId()
                + "/webhooks?outcome=unmatched");
        assertThat(unmatched.json().get("items")).hasSize(1);
        assertThat(incident(paged.pipeline(), paged.dedupKey()).get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void aBodyLargerThanPagerDutyEverSendsAnswers413() {
        Paged paged = paged();
        String huge = "{\"event\": {\"padding\": \"" + "x".repeat(300 * 1024) + "\"}}";

        ApiResponse answer = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(),
                PagerDutyWebhooks.newWebhookId(), huge);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(received(paged.pipeline(), paged.channelId())).isEmpty();
    }
}
