package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.webhook.WebhookReceiver.Answer;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Redirects are never followed (Standard Webhooks: a 3xx is a failure, the URL should be updated; and a
 * redirect must not carry a message past the address check): the delivery fails, and the Location is
 * never requested.
 */
class WebhookRedirectNotFollowedIT extends WebhookApiTest {

    @Test
    void a302FailsTheDeliveryAndItsLocationIsNeverRequested() {
        String elsewhere = receiver.url("elsewhere");
        receiver.answer(Answer.of(302, "Location", elsewhere));
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        createWebhook(pipeline, url, List.of("action.blocked"));
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 80));

        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty()
                && pipeline.deliveryOf(eventId).get("status").stringValue().equals("failed"));
        JsonNode delivery = pipeline.deliveryOf(eventId);
        assertThat(delivery.get("last_message").stringValue()).contains("redirect").contains("never followed");
        assertThat(receiver.requestsTo(url)).hasSize(1);
        assertThat(receiver.requestsTo(elsewhere)).isEmpty();
    }
}
