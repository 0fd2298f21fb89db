package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.webhook.WebhookReceiver.Answer;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * A receiver answering 410 Gone wants no more webhooks (Standard Webhooks, "Delivery success and
 * failure"): the delivery fails, is not retried, and the channel is disabled with the reason on its page.
 */
class WebhookGoneDisablesChannelIT extends WebhookApiTest {

    @Test
    void a410FailsTheDeliveryAndDisablesTheChannelSayingWhy() {
        receiver.answer(Answer.of(410));
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        String channelId = createWebhook(pipeline, url, List.of("action.blocked")).get("id").stringValue();
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 80));

        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty()
                && pipeline.deliveryOf(eventId).get("status").stringValue().equals("failed"));
        JsonNode delivery = pipeline.deliveryOf(eventId);
        assertThat(delivery.get("last_message").stringValue()).contains("410 Gone").contains("disabled");
        assertThat(receiver.requestsTo(url)).hasSize(1);

        eventually().untilAsserted(() -> {
            JsonNode channel = pipeline.admin().get(CHANNELS + "/" + channelId).json();
            assertThat(channel.get("enabled").booleanValue()).isFalse();
            assertThat(channel.get("disabled_reason").stringValue()).contains("410 Gone").contains("disabled");
        });

        // Disabled: a later event is not sent.
        String later = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 80));
        assertThat(pipeline.deliveriesOf(later)).isEmpty();
        assertThat(receiver.requestsTo(url)).hasSize(1);
    }
}
