package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch is stored whole or not at all: one bad event answers 400 problem+json naming every bad field
 * by its path ({@code [1].risk_score}) and nothing of the batch is stored or paged. Bodies that are not
 * a batch at all, and senders without a valid key, are refused before anything is read.
 */
class BatchAllOrNothingIT extends ApiTest {

    @Test
    void oneBadEventRefusesTheWholeBatchNamingEachBadField() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String good = Events.newActionId();
        ObjectNode unknownField = Events.trigger("action.blocked", Events.newActionId(), 150);
        unknownField.put("colour", "red");

        ApiResponse refused = org.post(Events.batch(
                Events.trigger("action.blocked", good, 95),
                unknownField,
                Events.event("action.approved"),
                Events.event("policy.violation").put("risk_score", "85").put("action_id", Events.newActionId())));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(errorFields(refused)).containsExactlyInAnyOrder(
                "[1].risk_score", "[1].colour", "[2].action_id", "[3].risk_score");
        assertThat(org.eventsOfAction(good)).isEmpty();
        assertThat(org.deliveries("")).isEmpty();
        assertThat(inbox(routingKey).requests()).isEmpty();
    }

    @Test
    void aBatchOfMoreThan500IsRefusedAnd500IsAccepted() {
        Pipeline org = newPipeline();
        ArrayNode tooMany = Events.array();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Events.event("anomaly.detected"));
        }

        ApiResponse refused = org.post(tooMany);
        tooMany.remove(500);
        ApiResponse accepted = org.post(tooMany);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("$");
        assertThat(refused.json().get("errors").get(0).get("message").stringValue()).contains("501").contains("500");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("accepted").asInt()).isEqualTo(500);
    }

    @Test
    void anEmptyBatchIsRefused() {
        ApiResponse refused = newPipeline().post(Events.array());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("$");
    }

    @Test
    void malformedJsonIs400() {
        ApiResponse refused = newPipeline().sender().send("POST", "/api/events", "application/json",
                "[{\"type\": \"action.blocked\",", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").stringValue()).contains("not valid JSON");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        ApiResponse refused = newPipeline().sender().send("POST", "/api/events", "text/plain",
                "type=action.blocked", Map.of());

        assertThat(refused.status()).isEqualTo(415);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        Pipeline org = newPipeline();
        String big = "{\"type\": \"action.blocked\", \"summary\": \"" + "x".repeat(1024 * 1024) + "\"}";

        ApiResponse refused = org.sender().send("POST", "/api/events", "application/json", big, Map.of());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(org.deliveries("")).isEmpty();
    }

    @Test
    void detailsOver64KibAreRefused() {
        Pipeline org = newPipeline();
        String action = Events.newActionId();
        ObjectNode event = Events.trigger("action.blocked", action, 80);
        event.putObject("details").put("blob", "y".repeat(64 * 1024));

        ApiResponse refused = org.post(event);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("details");
        assertThat(org.eventsOfAction(action)).isEmpty();
    }

    @Test
    void withoutAnApiKeyIs401EvenWithASignedInSession() {
        Pipeline org = newPipeline();
        ObjectNode event = Events.trigger("action.blocked", Events.newActionId(), 80);

        ApiResponse anonymous = anonymous().post("/api/events", event);
        ApiResponse session = org.admin().post("/api/events", event);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(session.status()).isEqualTo(401);
        assertThat(session.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void anUnknownOrRevokedKeyIs401() {
        Pipeline org = newPipeline();
        ApiResponse created = org.admin().post("/api/api-keys", Map.of("name", "engine-to-revoke"));
        String keyId = created.json().get("id").stringValue();
        ApiClient revokedSender = anonymous().withApiKey(created.json().get("key").stringValue());
        String action = Events.newActionId();
        assertThat(revokedSender.post("/api/events", Events.trigger("action.blocked", Events.newActionId(), 80)).status())
                .isEqualTo(202);

        assertThat(org.admin().delete("/api/api-keys/" + keyId).status()).isEqualTo(204);
        ApiResponse revoked = revokedSender.post("/api/events", Events.trigger("action.blocked", action, 80));
        ApiResponse unknown = anonymous().withApiKey("ask_not-a-real-key").post("/api/events",
                Events.trigger("action.blocked", action, 80));

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(org.eventsOfAction(action)).isEmpty();
    }

    private static List<String> errorFields(ApiResponse problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.json().get("errors");
        assertThat(errors).as("errors of %s", problem.body()).isNotNull();
        errors.forEach(e -> fields.add(e.get("field").stringValue()));
        return fields;
    }
}
