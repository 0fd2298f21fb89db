package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.webhook.WebhookReceiver.Answer;
import app.ascend.notify.channel.webhook.WebhookReceiver.Request;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What a receiver's answer does (the Standard Webhooks spec's "Delivery success and failure"): a 5xx and
 * a timeout are retried, with the same {@code webhook-id} and a fresh timestamp and signature; a 400 is
 * final; a 429's {@code Retry-After} is waited out.
 */
class WebhookRetriesIT extends WebhookApiTest {

    @Test
    void a503IsRetriedWithTheSameIdAndAFreshTimestamp() {
        receiver.answer(Answer.of(503));
        Delivered sent = sendOneTrigger();

        eventually().until(() -> status(sent).equals("delivered"));
        List<Request> got = receiver.requestsTo(sent.url());
        assertThat(got).hasSize(2);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got).allSatisfy(request -> {
            assertThat(request.verifiesWith(sent.secret())).isTrue();
            // Signed at the attempt, not when the message was queued.
            assertThat(Long.parseLong(request.header("webhook-timestamp")))
                    .isBetween(request.arrivedAt().getEpochSecond() - 2, request.arrivedAt().getEpochSecond() + 1);
        });
        assertThat(Long.parseLong(got.get(1).header("webhook-timestamp")))
                .isGreaterThanOrEqualTo(Long.parseLong(got.get(0).header("webhook-timestamp")));
        JsonNode delivery = sent.pipeline().admin().get("/api/notifications/deliveries/" + sent.deliveryId()).json();
        assertThat(delivery.get("attempts").get(0).get("http_status").intValue()).isEqualTo(503);
    }

    @Test
    void aTimeoutIsRetried() {
        receiver.answer(Answer.after(Duration.ofSeconds(4), 200)); // past the 2 s bound of this context
        Delivered sent = sendOneTrigger();

        eventually().until(() -> status(sent).equals("delivered"));
        List<Request> got = receiver.requestsTo(sent.url());
        assertThat(got).hasSizeGreaterThanOrEqualTo(2);
        assertThat(got).extracting(r -> r.header("webhook-id")).containsOnly(got.get(0).header("webhook-id"));
        JsonNode delivery = sent.pipeline().admin().get("/api/notifications/deliveries/" + sent.deliveryId()).json();
        assertThat(delivery.get("attempts").get(0).get("message").stringValue()).contains("no complete answer");
    }

    @Test
    void a400IsFinalAndNotRetried() {
        receiver.answer(Answer.of(400));
        Delivered sent = sendOneTrigger();

        eventually().until(() -> status(sent).equals("failed"));
        assertThat(receiver.requestsTo(sent.url())).hasSize(1);
        JsonNode delivery = sent.pipeline().admin().get("/api/notifications/deliveries/" + sent.deliveryId()).json();
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("message").stringValue()).contains("refused").contains("400");
    }

    @Test
    void a429sRetryAfterIsWaitedOut() {
        receiver.answer(Answer.of(429, "Retry-After", "3"));
        Delivered sent = sendOneTrigger();

        eventually().until(() -> status(sent).equals("delivered"));
        List<Request> got = receiver.requestsTo(sent.url());
        assertThat(got).hasSize(2);
        assertThat(Duration.between(got.get(0).arrivedAt(), got.get(1).arrivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
    }

    /** A channel on a fresh URL of this test's receiver, one trigger posted, its delivery. */
    private Delivered sendOneTrigger() {
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        JsonNode created = createWebhook(pipeline, url, List.of("action.blocked"));
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 80));
        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty());
        return new Delivered(pipeline, url, secretOf(created), pipeline.deliveryOf(eventId).get("id").stringValue());
    }

    private static String status(Delivered sent) {
        return sent.pipeline().admin().get("/api/notifications/deliveries/" + sent.deliveryId()).json().get("status")
                .stringValue();
    }

    private record Delivered(Pipeline pipeline, String url, String secret, String deliveryId) {
    }
}
