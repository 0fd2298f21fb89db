package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty's 400 lists every problem of the event. A list longer than the log keeps (8,000
 * characters) is stored cut element by element, still JSON, and the delivery log shows it with a
 * last line counting what was left out, instead of answering 500.
 */
class HugeErrorListInDeliveryLogIT extends ApiTest {

    @Test
    void aRefusalWithAHugeErrorsListIsShownCutInTheDeliveryLog() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        List<String> errors = IntStream.range(0, 400)
                .mapToObj(i -> "'payload.custom_details.field_" + i + "' is not allowed here 😀 (problem " + i + ")")
                .toList();
        PAGERDUTY.rejectRoutingKey(routingKey, errors);
        try {
            org.createChannel(PipelineChannels.pagerDuty(routingKey));
            String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 90));
            eventually().until(() -> inbox(routingKey).requests().size() == 1);

            eventually().untilAsserted(() -> {
                ApiResponse log = org.admin().get("/api/notifications/deliveries?event_id=" + event);
                assertThat(log.status()).as(log.body()).isEqualTo(200);
                assertThat(log.json().get("items").get(0).get("status").stringValue()).isEqualTo("failed");
            });
            JsonNode delivery = org.deliveryOf(event);
            JsonNode shown = delivery.get("attempts").get(0).get("errors");
            int kept = shown.size() - 1;
            assertThat(kept).isBetween(10, errors.size() - 1);
            for (int i = 0; i < kept; i++) {
                assertThat(shown.get(i).stringValue()).isEqualTo(errors.get(i));
            }
            assertThat(shown.get(kept).stringValue()).startsWith("[" + (errors.size() - kept) + " more errors not stored");
            assertThat(delivery.get("last_message").stringValue()).startsWith("Event object is invalid: " + errors.get(0));
            ApiResponse explained = org.admin().get("/api/events/" + event);
            assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        } finally {
            PAGERDUTY.rejectRoutingKey(routingKey, List.of());
        }
    }
}
