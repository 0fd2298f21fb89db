package app.ascend.notify.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * The incident list matches what PagerDuty holds: a trigger PagerDuty refused (400) opened nothing
 * there, so its incident is {@code not_opened}, with the reason, and not among the open ones; once a
 * trigger of the incident was delivered, a later refused one leaves it open.
 */
class RefusedTriggerLeavesNoOpenIncidentIT extends ApiTest {

    @Test
    void aRefusedTriggersIncidentIsNotOpenAndSaysWhy() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        PAGERDUTY.rejectRoutingKey(routingKey, List.of("'payload.summary' is too long", "second problem"));
        try {
            org.createChannel(PipelineChannels.pagerDuty(routingKey));
            String action = Events.newActionId();
            String event = org.postEvent(Events.trigger("action.blocked", action, 90));
            eventually().until(() -> "failed".equals(org.deliveryOf(event).get("status").stringValue()));

            String reason = "PagerDuty refused the trigger (400): 'payload.summary' is too long";
            eventually().untilAsserted(() -> assertThat(dedupKeys(org, "")).doesNotContain("ascend-" + action));
            JsonNode listed = find(org, "?status=not_opened", "ascend-" + action);
            assertThat(listed.get("status").stringValue()).isEqualTo("not_opened");
            assertThat(listed.get("reason").stringValue()).isEqualTo(reason);
            ApiResponse one = org.admin().get("/api/incidents/" + listed.get("id").stringValue());
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().get("status").stringValue()).isEqualTo("not_opened");
            assertThat(one.json().get("reason").stringValue()).isEqualTo(reason);
            assertThat(one.body()).doesNotContain(routingKey);
            JsonNode decision = org.explain(event).get("decisions").get(0);
            assertThat(decision.get("incident").get("status").stringValue()).isEqualTo("not_opened");
            assertThat(decision.get("incident").get("reason").stringValue()).isEqualTo(reason);
            ApiResponse resolve = org.admin().post("/api/incidents/" + listed.get("id").stringValue() + "/resolve", "");
            assertThat(resolve.status()).as(resolve.body()).isEqualTo(409);
        } finally {
            PAGERDUTY.rejectRoutingKey(routingKey, List.of());
        }
    }

    @Test
    void aRefusedTriggerAfterADeliveredOneLeavesTheIncidentOpen() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String first = org.postEvent(Events.trigger("action.blocked", action, 90));
        eventually().until(() -> "delivered".equals(org.deliveryOf(first).get("status").stringValue()));

        PAGERDUTY.rejectRoutingKey(routingKey, List.of("refused this time"));
        try {
            String second = org.postEvent(Events.trigger("action.blocked", action, 95));
            eventually().until(() -> "failed".equals(org.deliveryOf(second).get("status").stringValue()));
        } finally {
            PAGERDUTY.rejectRoutingKey(routingKey, List.of());
        }

        JsonNode open = find(org, "", "ascend-" + action);
        assertThat(open.get("status").stringValue()).isEqualTo("open");
        assertThat(PAGERDUTY.openIncident(routingKey, "ascend-" + action)).isPresent();
    }

    private static JsonNode find(Pipeline org, String query, String dedupKey) {
        ApiResponse page = org.admin().get("/api/incidents" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (item.get("dedup_key").stringValue().equals(dedupKey)) {
                return item;
            }
        }
        throw new AssertionError("no incident for " + dedupKey + " in " + page.body());
    }

    private static List<String> dedupKeys(Pipeline org, String query) {
        ApiResponse page = org.admin().get("/api/incidents" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        page.json().get("items").forEach(item -> keys.add(item.get("dedup_key").stringValue()));
        return keys;
    }
}
