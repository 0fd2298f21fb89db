package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty's 400 means the same event would fail again ([D1]): a channel still carrying the page's
 * placeholder key "your-routing-key" gets one attempt, the delivery is {@code failed} with PagerDuty's
 * errors in the log, and it is never retried by itself. "Retry" in the delivery log re-queues it by hand.
 */
class BadRequestNotRetriedIT extends ApiTest {

    @Test
    void aPlaceholderKeyFailsOnceWithPagerDutysErrorsAndIsNotRetried() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty("your-routing-key"));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 90));

        JsonNode failed = awaitStatus(org, event, "failed", 1);

        JsonNode attempt = failed.get("attempts").get(0);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(400);
        assertThat(attempt.get("message").stringValue()).isEqualTo("Event object is invalid");
        assertThat(strings(attempt.get("errors"))).contains(
                "Length of 'routing_key' is incorrect (should be 32 characters)",
                "'routing_key' cannot contain non-alphanumeric characters.");
        assertThat(failed.get("next_attempt_at").isNull()).isTrue();
        assertThat(failed.get("routing_key").stringValue()).isEqualTo("****-key");

        // Another delivery of the same organization goes through the dispatcher after it: the failed one
        // stays as it was, with its single attempt, and PagerDuty saw it once.
        String goodKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(goodKey, "anomaly.detected"));
        org.postEvent(Events.trigger("anomaly.detected", Events.newActionId(), 50));
        eventually().until(() -> inbox(goodKey).accepted().size() == 1);
        JsonNode later = org.deliveryOf(event);
        assertThat(later.get("status").stringValue()).isEqualTo("failed");
        assertThat(later.get("attempts")).hasSize(1);
        assertThat(PAGERDUTY.requests().stream().filter(r -> "your-routing-key".equals(r.routingKey())
                && failed.get("dedup_key").stringValue().equals(r.dedupKey()))).hasSize(1);
    }

    @Test
    void retryRequeuesAFailedDeliveryAndAFailedRetryAddsASecondAttempt() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty("your-routing-key"));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 90));
        String delivery = awaitStatus(org, event, "failed", 1).get("id").stringValue();

        ApiResponse retried = org.admin().post("/api/notifications/deliveries/" + delivery + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("id").stringValue()).isEqualTo(delivery);
        JsonNode again = awaitStatus(org, event, "failed", 2);
        assertThat(again.get("attempts")).extracting(a -> a.get("http_status").asInt()).containsExactly(400, 400);
    }

    @Test
    void onlyAFailedOrDeadDeliveryCanBeRetried() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 90));
        eventually().until(() -> "delivered".equals(org.deliveryOf(event).get("status").stringValue()));

        ApiResponse retried = org.admin().post(
                "/api/notifications/deliveries/" + org.deliveryOf(event).get("id").stringValue() + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(409);
        assertThat(inbox(routingKey).accepted()).hasSize(1);
    }

    private static JsonNode awaitStatus(Pipeline org, String event, String status, int attempts) {
        eventually().untilAsserted(() -> {
            JsonNode delivery = org.deliveryOf(event);
            assertThat(delivery.get("status").stringValue()).isEqualTo(status);
            assertThat(delivery.get("attempts")).hasSize(attempts);
        });
        return org.deliveryOf(event);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.stringValue()));
        return values;
    }
}
