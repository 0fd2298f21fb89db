package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/** "Send test alert" on a webhook channel: {@code ascend.test} and its resolve, signed, the URL masked in the answer. */
class WebhookTestAlertIT extends WebhookApiTest {

    @Test
    void aTestAlertAndItsResolveArriveSignedAndTheAnswerMasksTheUrl() {
        Pipeline pipeline = newPipeline();
        String token = newToken();
        String url = receiver.url(token);
        JsonNode created = createWebhook(pipeline, url, List.of("action.blocked"));

        ApiResponse answer = pipeline.admin().post("/api/notifications/test",
                Map.of("channel_id", created.get("id").stringValue(), "resolve", true));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("success").booleanValue()).as(answer.toString()).isTrue();
        assertThat(answer.body()).doesNotContain(token).doesNotContain(secretOf(created));
        List<WebhookReceiver.Request> got = receiver.requestsTo(url);
        assertThat(got).extracting(WebhookReceiver.Request::type).containsExactly("ascend.test", "ascend.test.resolved");
        assertThat(got).allSatisfy(request -> assertThat(request.verifiesWith(secretOf(created))).isTrue());
        assertThat(got.get(0).json().get("data").get("dedup_key").stringValue())
                .isEqualTo(got.get(1).json().get("data").get("dedup_key").stringValue());
    }
}
