package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.ReceivedWebhook;
import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyWebhooks;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.Problems;
import tools.jackson.databind.JsonNode;

/**
 * What a responder does in PagerDuty comes back as a notice other channels subscribe to: the simulator acknowledges
 * and then resolves an incident ASCEND opened, its signed v3 webhooks reach ASCEND, and a webhook channel subscribed
 * to {@code incident.acknowledged} and {@code incident.resolved} receives both (signed, with who, where and the
 * incident's page), a Slack channel of every type gets them in the alert's thread, and the PagerDuty channel they
 * came from is sent nothing new. A replayed webhook makes no second notice; notices cannot be posted, and a PagerDuty
 * channel cannot list them. Same properties as the webhook and Slack ITs (loopback allowed), so they share a context.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.webhook.timeout=2s",
        "ascend.webhook.rotation-grace=6s" })
class RemoteChangesReachSubscribedChannelsIT extends PagerDutyWebhookApiTest {

    /** One organization with a PagerDuty channel (webhooks on), a webhook channel, a Slack bot channel, and a page. */
    record Setup(Paged paged, String webhookChannelId, String endpoint, String slackChannelId, String slackChannel) {
    }

    @Test
    void anAcknowledgementAndAResolveInPagerDutyReachTheSubscribedChannelsButNotPagerDuty() {
        Setup setup = setUp();
        Paged paged = setup.paged();
        PAGERDUTY.subscribeWebhooks(baseUrl() + PagerDutyWebhooks.path(paged.channelId()), paged.secret(),
                paged.routingKey());

        assertThat(PAGERDUTY.acknowledgeByHand(paged.routingKey(), paged.dedupKey(), "Jane Doe")).isTrue();
        eventually().until(() -> PAGERDUTY.webhooks().messages(setup.endpoint()).size() == 1);
        assertThat(PAGERDUTY.resolveByHand(paged.routingKey(), paged.dedupKey(), "Jane Doe")).isTrue();
        eventually().until(() -> PAGERDUTY.webhooks().messages(setup.endpoint()).size() == 2);

        List<ReceivedWebhook> got = PAGERDUTY.webhooks().messages(setup.endpoint());
        assertThat(got).allSatisfy(w -> assertThat(w.verified()).as(w.verification()).isTrue());
        assertThat(got).extracting(w -> w.json().get("type").stringValue())
                .containsExactly("ascend.incident.acknowledged", "ascend.incident.resolved");
        JsonNode acknowledged = got.get(0).json().get("data");
        assertThat(acknowledged.get("event_type").stringValue()).isEqualTo("incident.acknowledged");
        assertThat(acknowledged.get("action").stringValue()).isEqualTo("notice");
        assertThat(acknowledged.get("action_id").stringValue()).isEqualTo(paged.actionId());
        assertThat(acknowledged.get("agent_id").stringValue()).isEqualTo("customer-service-agent");
        assertThat(acknowledged.get("dedup_key").stringValue()).isEqualTo(paged.dedupKey());
        assertThat(acknowledged.get("summary").stringValue())
                .isEqualTo("Incident for database_query on customer_database acknowledged in PagerDuty by Jane Doe");
        JsonNode details = acknowledged.get("details");
        assertThat(details.get("channel_id").stringValue()).isEqualTo(paged.channelId());
        assertThat(details.get("channel_name").stringValue()).isEqualTo("On call");
        assertThat(details.get("destination").stringValue()).isEqualTo("PagerDuty");
        assertThat(details.get("by").stringValue()).isEqualTo("Jane Doe");
        assertThat(details.get("remote_status").stringValue()).isEqualTo("acknowledged");
        assertThat(details.get("remote_event_type").stringValue()).isEqualTo("incident.acknowledged");
        assertThat(details.get("remote_url").stringValue()).startsWith("https://simulator.pagerduty.invalid/incidents/Q");
        assertThat(details.get("trigger_event_id").stringValue()).isEqualTo(paged.triggerEventId());
        JsonNode resolved = got.get(1).json().get("data");
        assertThat(resolved.get("details").get("remote_status").stringValue()).isEqualTo("resolved");
        assertThat(resolved.get("summary").stringValue()).endsWith("resolved in PagerDuty by Jane Doe");

        // The Slack channel of every type: the alert, then each notice as a reply in its thread.
        eventually().until(() -> slackPosts(setup.slackChannel()).size() == 3);
        List<SlackPost> posts = slackPosts(setup.slackChannel());
        assertThat(posts.get(0).threadTs()).isNull();
        assertThat(posts.subList(1, 3)).allSatisfy(post -> {
            assertThat(post.threadTs()).isEqualTo(posts.get(0).ts());
            assertThat(post.header()).startsWith("ℹ️ Incident ").endsWith(" in PagerDuty");
        });
        assertThat(posts.get(1).text()).contains("acknowledged in PagerDuty by Jane Doe");

        // The notices are events of the action: listed, explained, and never sent back to PagerDuty.
        List<JsonNode> notices = paged.pipeline().eventsOfAction(paged.actionId()).stream()
                .filter(e -> e.get("type").stringValue().startsWith("incident.")).toList();
        assertThat(notices).extracting(e -> e.get("type").stringValue())
                .containsExactly("incident.resolved", "incident.acknowledged");
        for (JsonNode notice : notices) {
            String id = notice.get("id").stringValue();
            JsonNode own = paged.pipeline().decision(id, paged.channelId());
            assertThat(own.get("outcome").stringValue()).isEqualTo("not_subscribed");
            assertThat(own.get("reason").stringValue()).contains("never sent its own notice");
            assertThat(paged.pipeline().decision(id, setup.webhookChannelId()).get("outcome").stringValue()).isEqualTo("queued");
            assertThat(paged.pipeline().decision(id, setup.slackChannelId()).get("outcome").stringValue()).isEqualTo("queued");
        }
        eventually().untilAsserted(() -> assertThat(paged.pipeline().allDeliveries("channel_id=" + setup.webhookChannelId()))
                .hasSize(2).allSatisfy(d -> {
                    assertThat(d.get("status").stringValue()).isEqualTo("delivered");
                    assertThat(d.get("kind").stringValue()).isEqualTo("notice");
                }));
        assertThat(paged.pipeline().allDeliveries("channel_id=" + paged.channelId())).hasSize(1);
        assertThat(PAGERDUTY.eventsFor(paged.dedupKey())).hasSize(1);
    }

    @Test
    void aReplayedWebhookMakesNoSecondNotice() {
        Setup setup = setUp();
        Paged paged = setup.paged();
        String webhookId = PagerDutyWebhooks.newWebhookId();
        String body = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.acknowledged", paged.dedupKey(),
                "acknowledged", "Jane Doe", Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        ApiResponse first = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), webhookId, body);
        ApiResponse again = PagerDutyWebhooks.post(anonymous(), paged.channelId(), paged.secret(), webhookId, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("status").stringValue()).isEqualTo("already_received");
        assertThat(paged.pipeline().eventsOfAction(paged.actionId())).extracting(e -> e.get("type").stringValue())
                .containsExactly("incident.acknowledged", "action.blocked");
        eventually().until(() -> PAGERDUTY.webhooks().messages(setup.endpoint()).size() == 1);
        assertThat(paged.pipeline().allDeliveries("channel_id=" + setup.webhookChannelId())).hasSize(1);
    }

    @Test
    void aNoticeCannotBePostedNorListedByAPagerDutyChannel() {
        Pipeline pipeline = newPipeline();

        ApiResponse posted = pipeline.post(Events.event("incident.acknowledged").put("action_id", Events.newActionId()));
        assertThat(Problems.assertInvalidField(posted, "type"))
                .startsWith("incident.acknowledged is sent by ASCEND when").endsWith("it cannot be posted");

        Map<String, Object> channel = Channels.pagerDuty("On call", newRoutingKey());
        channel.put("events", List.of("action.blocked", "incident.acknowledged"));
        ApiResponse refused = pipeline.admin().post(Channels.PATH, channel);
        assertThat(Problems.assertInvalidField(refused, "events[1]")).startsWith("incident.acknowledged ")
                .contains("a PagerDuty channel never receives it");
    }

    private Setup setUp() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String secret = newSecret();
        Map<String, Object> pagerDuty = Channels.pagerDuty("On call", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) pagerDuty.get("config");
        config.put("webhook_secret", secret);
        String channelId = pipeline.createChannel(pagerDuty);

        String endpoint = "notices_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", "Automation");
        webhook.put("type", "webhook");
        webhook.put("events", List.of("incident.acknowledged", "incident.resolved"));
        webhook.put("config", Map.of("url", PAGERDUTY.webhookUrl(endpoint)));
        ApiResponse created = pipeline.admin().post(Channels.PATH, webhook);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        PAGERDUTY.webhooks().setSecrets(endpoint, List.of(created.json().get("config").get("secret").stringValue()));

        String slackChannel = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Map<String, Object> slack = new LinkedHashMap<>();
        slack.put("name", "Slack " + slackChannel);
        slack.put("type", "slack");
        slack.put("config", Map.of("bot_token", "xoxb-1-" + UUID.randomUUID().toString().replace("-", ""),
                "channel", slackChannel));
        String slackChannelId = pipeline.createChannel(slack);

        String actionId = Events.newActionId();
        String eventId = pipeline.postEvent(Events.pageExample(actionId).put("type", "action.blocked"));
        String dedupKey = "ascend-" + actionId;
        eventually().until(() -> !PAGERDUTY.incidentsFor(routingKey, dedupKey).isEmpty());
        eventually().until(() -> slackPosts(slackChannel).size() == 1);
        return new Setup(new Paged(pipeline, channelId, secret, routingKey, actionId, dedupKey, eventId),
                created.json().get("id").stringValue(), endpoint, slackChannelId, slackChannel);
    }

    private static List<SlackPost> slackPosts(String slackChannel) {
        return PAGERDUTY.slack().postsTo(slackChannel).stream().filter(SlackPost::accepted).toList();
    }
}
