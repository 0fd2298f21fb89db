package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Teams channel through real HTTP to the Workflows stand-in: the URL is masked in every answer; each subscribed
 * event is an Adaptive Card Teams posts (the run succeeds), in order per webhook and action; a follow-up's card
 * names the alert and its new state; a huge summary and details are cut to fit Teams' size limit.
 */
class TeamsChannelPostsCardsIT extends TeamsApiTest {

    @Test
    void theWebhookUrlIsMaskedInEveryAnswer() {
        Pipeline pipeline = newPipeline();
        String flow = newFlow();
        String url = urlOf(flow);
        JsonNode created = createTeams(pipeline, url, null);
        String id = created.get("id").stringValue();
        String masked = "http://127.0.0.1:" + PAGERDUTY.port() + "/…";

        assertThat(created.get("config").get("webhook_url").stringValue()).isEqualTo(masked);
        JsonNode read = pipeline.admin().get(CHANNELS + "/" + id).json();
        assertThat(read.get("config").get("webhook_url").stringValue()).isEqualTo(masked);
        // Sent back masked, as read: the stored URL stays.
        assertThat(pipeline.admin().patch(CHANNELS + "/" + id, java.util.Map.of("config",
                java.util.Map.of("webhook_url", masked))).status()).isEqualTo(200);
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));
        eventually().until(() -> posted(flow).size() == 1);
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(eventId).get("status").stringValue()));
        for (String body : List.of(pipeline.admin().get(CHANNELS).body(), pipeline.admin().get(CHANNELS + "/" + id).body(),
                pipeline.admin().get("/api/notifications/deliveries?channel_id=" + id).body(),
                pipeline.explain(eventId).toString())) {
            assertThat(body).doesNotContain(flow).doesNotContain("sig=");
        }
    }

    @Test
    void triggersAndFollowUpsArriveAsCardsInOrderPerAction() {
        Pipeline pipeline = newPipeline();
        String flow = newFlow();
        createTeams(pipeline, urlOf(flow), List.of("action.blocked", "policy.violation", "action.acknowledged",
                "action.approved"));
        String first = Events.newActionId();
        String second = Events.newActionId();

        pipeline.postEvent(Events.trigger("action.blocked", first, 95).put("agent_id", "customer-service-agent")
                .put("action_type", "database.delete").put("resource", "production.users")
                .put("policy_name", "Production Protection").put("summary", "Agent tried to delete production database"));
        pipeline.postEvent(Events.trigger("policy.violation", second, 45));
        pipeline.postEvent(Events.event("action.acknowledged").put("action_id", first));
        pipeline.postEvent(Events.trigger("auth.failed", Events.newActionId(), 99)); // not subscribed
        pipeline.postEvent(Events.approval(first).put("resource", "production.users").put("action_type", "database.delete"));
        pipeline.postEvent(Events.approval(second));

        eventually().until(() -> posted(flow).size() >= 5);
        List<ReceivedTeamsPost> got = posted(flow);
        assertThat(got).hasSize(5);
        assertThat(posts(flow)).hasSize(5).allSatisfy(p -> assertThat(p.problems()).isEmpty());
        List<String> firstTitles = got.stream().filter(p -> p.card().toString().contains("ascend-" + first))
                .map(TeamsApiTest::title).toList();
        assertThat(firstTitles).containsExactly("CRITICAL risk: Action blocked", "Acknowledged: the alert",
                "Approved: database.delete on production.users");
        List<String> secondTitles = got.stream().filter(p -> p.card().toString().contains("ascend-" + second))
                .map(TeamsApiTest::title).toList();
        assertThat(secondTitles).containsExactly("MEDIUM risk: Policy violation", "Approved: the alert");

        JsonNode trigger = got.stream().filter(p -> title(p).startsWith("CRITICAL")).findFirst().orElseThrow().card();
        assertThat(trigger.get("body").get(1).get("text").stringValue()).isEqualTo("Agent tried to delete production database");
        assertThat(trigger.get("body").get(2).get("facts").toString()).contains("customer-service-agent")
                .contains("database.delete").contains("production.users").contains("\"95\"").contains("critical")
                .contains("Production Protection").contains(pipeline.organizationName());
        assertThat(trigger.get("actions").get(0).get("url").stringValue()).isEqualTo("https://pilot.owkai.app/actions/" + first);
        JsonNode approval = got.stream().filter(p -> title(p).startsWith("Approved: database")).findFirst().orElseThrow().card();
        assertThat(approval.get("body").get(1).get("text").stringValue()).isEqualTo("The alert ascend-" + first + " is now approved.");
        assertThat(approval.get("body").get(2).get("facts").toString()).contains("ascend-" + first).contains("approved");
    }

    @Test
    void aHugeSummaryAndDetailsAreCutToFitAndTeamsPostsTheCard() {
        Pipeline pipeline = newPipeline();
        String flow = newFlow();
        createTeams(pipeline, urlOf(flow), null);
        ObjectNode event = Events.trigger("anomaly.detected", Events.newActionId(), 60).put("summary", "Ω".repeat(9_000));
        event.putObject("details").put("trace", "frame ".repeat(8_000));

        String id = pipeline.postEvent(event);

        eventually().until(() -> !posts(flow).isEmpty());
        ReceivedTeamsPost post = posts(flow).get(0);
        assertThat(post.runStatus()).as("%s", post.problems()).isEqualTo("Succeeded");
        assertThat(post.bytes()).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
        assertThat(post.card().toString()).contains("Cut to fit Teams' message size: summary, details");
        assertThat(post.card().get("body").get(1).get("text").stringValue()).endsWith("Ω…");
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(id).get("status").stringValue()));
        assertThat(pipeline.deliveryOf(id).get("attempts").get(0).get("http_status").asInt()).isEqualTo(202);
    }
}
