package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * An incoming-webhook Slack channel: the URL is masked in every answer; the approval is a new message that quotes
 * the alert (its summary and dedup key), since a webhook returns no ts to update (FACTS.md §1).
 */
class SlackWebhookFollowUpQuotesTheAlertIT extends SlackApiTest {

    @Test
    void theApprovalQuotesTheAlert() {
        Pipeline pipeline = newPipeline();
        String hook = newWebhookName();
        JsonNode created = create(pipeline, webhookChannel(hook, List.of("action.blocked", "action.approved")));
        String actionId = Events.newActionId();

        pipeline.postEvent(Events.trigger("action.blocked", actionId, 75).put("summary", "Agent read payroll"));
        eventually().until(() -> accepted(hook).size() == 1);
        pipeline.postEvent(Events.approval(actionId));
        eventually().until(() -> accepted(hook).size() == 2);

        List<SlackPost> posts = accepted(hook);
        assertThat(posts.get(0).header()).isEqualTo("🟠 HIGH · Action blocked");
        assertThat(posts.get(1).header()).isEqualTo("✅ Resolved · Action approved");
        assertThat(posts.get(1).body().get("blocks").get(1).get("text").get("text").stringValue())
                .isEqualTo("> Action blocked: Agent read payroll\n_dedup key ascend-" + actionId + "_");

        String read = pipeline.admin().get(CHANNELS + "/" + created.get("id").stringValue()).body();
        assertThat(created.toString()).doesNotContain(hook);
        assertThat(read).doesNotContain(hook).contains("http://127.0.0.1:" + PAGERDUTY.port() + "/…");
        assertThat(pipeline.admin().get("/api/notifications/deliveries?channel_id=" + created.get("id").stringValue())
                .body()).doesNotContain(hook);
    }

    @Test
    void theWebhookUrlSentBackMaskedIsKept() {
        Pipeline pipeline = newPipeline();
        String hook = newWebhookName();
        JsonNode created = create(pipeline, webhookChannel(hook, List.of("action.blocked")));
        String path = CHANNELS + "/" + created.get("id").stringValue();
        JsonNode read = pipeline.admin().get(path).json();

        var replaced = new java.util.LinkedHashMap<String, Object>();
        replaced.put("name", "Renamed");
        replaced.put("type", "slack");
        replaced.put("events", List.of("action.blocked"));
        replaced.put("config", java.util.Map.of("webhook_url", read.get("config").get("webhook_url").stringValue()));
        assertThat(pipeline.admin().put(path, replaced).status()).isEqualTo(200);
        pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));

        eventually().until(() -> accepted(hook).size() == 1);
    }
}
