package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * A webhook channel: its secret is shown once, then masked; every subscribed event (triggers, and the
 * acknowledges and resolves that follow them) reaches the receiver once, signed so that the Standard
 * Webhooks reference library verifies it, in order per dedup key; unsubscribed events do not.
 */
class WebhookChannelDeliversEveryEventIT extends WebhookApiTest {

    @Test
    void theSecretIsShownOnceAndMaskedAfter() {
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        JsonNode created = createWebhook(pipeline, url, List.of("action.blocked"));
        String secret = secretOf(created);
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        String masked = "whsec_****" + secret.substring(secret.length() - 4);

        JsonNode read = pipeline.admin().get(CHANNELS + "/" + created.get("id").stringValue()).json();
        assertThat(read.get("config").get("secret").stringValue()).isEqualTo(masked);
        assertThat(read.get("config").get("url").stringValue()).isEqualTo(url.substring(0, url.indexOf("/hooks")) + "/…");
        assertThat(read.get("config").get("rate_per_minute").intValue()).isEqualTo(600);
        String list = pipeline.admin().get(CHANNELS).body();
        assertThat(list).contains(masked).doesNotContain(secret).doesNotContain("/hooks/");
        assertThat(read.toString()).doesNotContain(secret).doesNotContain("/hooks/");
        assertThat(read.get("warnings").toString()).contains("http");
    }

    @Test
    void everySubscribedEventArrivesOnceVerifiedAndInOrderPerDedupKey() {
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        JsonNode created = createWebhook(pipeline, url,
                List.of("action.blocked", "policy.violation", "action.acknowledged", "action.approved"));
        String secret = secretOf(created);
        String first = Events.newActionId();
        String second = Events.newActionId();

        pipeline.postEvent(Events.trigger("action.blocked", first, 95));
        pipeline.postEvent(Events.trigger("policy.violation", second, 60));
        pipeline.postEvent(Events.event("action.acknowledged").put("action_id", first));
        pipeline.postEvent(Events.trigger("auth.failed", Events.newActionId(), 99)); // not subscribed
        pipeline.postEvent(Events.approval(first));
        pipeline.postEvent(Events.approval(second));

        eventually().until(() -> receiver.requestsTo(url).size() >= 5);
        List<WebhookReceiver.Request> got = receiver.requestsTo(url);
        assertThat(got).hasSize(5);
        assertThat(got).allSatisfy(request -> {
            assertThat(request.verifiesWith(secret)).as("verified by the reference library: %s", request.body()).isTrue();
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.header("webhook-id")).doesNotContain(".");
        });
        assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(5);
        Map<String, List<String>> byDedupKey = got.stream().collect(Collectors.groupingBy(
                r -> r.json().get("data").get("dedup_key").stringValue(),
                Collectors.mapping(WebhookReceiver.Request::type, Collectors.toList())));
        assertThat(byDedupKey).containsOnlyKeys("ascend-" + first, "ascend-" + second);
        assertThat(byDedupKey.get("ascend-" + first))
                .containsExactly("ascend.action.blocked", "ascend.action.acknowledged", "ascend.action.approved");
        assertThat(byDedupKey.get("ascend-" + second)).containsExactly("ascend.policy.violation", "ascend.action.approved");
        JsonNode trigger = got.stream().filter(r -> r.type().equals("ascend.action.blocked")).findFirst().orElseThrow().json();
        assertThat(trigger.get("data").get("action_id").stringValue()).isEqualTo(first);
        assertThat(trigger.get("data").get("risk_level").stringValue()).isEqualTo("critical");
        assertThat(trigger.get("data").get("organization").get("name").stringValue()).isEqualTo(pipeline.organizationName());
        assertThat(trigger.get("data").get("channel").get("id").stringValue()).isEqualTo(created.get("id").stringValue());

        eventually().untilAsserted(() -> assertThat(pipeline.allDeliveries("channel_id=" + created.get("id").stringValue()))
                .hasSize(5).allSatisfy(d -> assertThat(d.get("status").stringValue()).isEqualTo("delivered")));
        String log = pipeline.admin().get("/api/notifications/deliveries?channel_id=" + created.get("id").stringValue()).body();
        assertThat(log).doesNotContain(secret).doesNotContain("/hooks/");
    }
}
