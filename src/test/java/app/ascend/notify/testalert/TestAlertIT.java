package app.ascend.notify.testalert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page's "Send Test Alert", {@code POST /api/notifications/test}: a low-severity trigger sent at once
 * with PagerDuty's answer; beyond the page, a sample {@code event} rendered through the real routing,
 * {@code dry_run} that sends nothing, and {@code resolve} that closes the test incident again.
 */
class TestAlertIT extends ApiTest {

    @Test
    void theTestAlertIsSentAtOnceAndAnswersWithPagerDutysReply() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        ObjectNode body = PipelineChannels.pagerDuty(routingKey);
        String name = body.get("name").stringValue();
        String channel = org.createChannel(body);

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        assertThat(test.get("success").booleanValue()).isTrue();
        assertThat(test.get("status_code").asInt()).isEqualTo(202);
        assertThat(test.get("message").stringValue()).isEqualTo("Event processed");
        String dedupKey = test.get("dedup_key").stringValue();
        assertThat(dedupKey).matches("ascend-test-" + channel + "-\\d{13}");
        assertThat(test.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(test.get("payload").get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
        assertThat(answer.body()).doesNotContain(routingKey);

        JsonNode sent = inbox(routingKey).only(dedupKey);
        assertThat(sent.get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(sent.get("payload").get("summary").stringValue()).isEqualTo("ASCEND test alert: " + name);
        assertThat(sent.get("payload").get("severity").stringValue()).isEqualTo("info");
        assertThat(inbox(routingKey).incident(dedupKey).status()).isEqualTo(IncidentStatus.TRIGGERED);

        List<JsonNode> log = org.deliveries("channel_id=" + channel);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("id").stringValue()).isEqualTo(test.get("delivery_id").stringValue());
        assertThat(log.get(0).get("status").stringValue()).isEqualTo("delivered");
        assertThat(log.get(0).get("dedup_key").stringValue()).isEqualTo(dedupKey);
        assertThat(log.get(0).get("attempts").get(0).get("http_status").asInt()).isEqualTo(202);
    }

    @Test
    void aSampleEventIsRenderedThroughRoutingAndSent() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey), 90));
        String action = Events.newActionId();

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel,
                "event", Map.of("type", "action.blocked", "action_id", action, "risk_score", 95,
                        "agent_id", "customer-service-agent")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        assertThat(test.get("decision").get("outcome").stringValue()).isEqualTo("queued");
        assertThat(test.get("decision").get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
        assertThat(test.get("success").booleanValue()).isTrue();
        assertThat(test.get("status_code").asInt()).isEqualTo(202);
        String dedupKey = test.get("dedup_key").stringValue();
        assertThat(dedupKey).matches("ascend-test-" + channel + "-\\d{13}");
        assertThat(test.get("payload").get("dedup_key").stringValue()).isEqualTo(dedupKey);
        assertThat(test.get("payload").get("payload").get("severity").stringValue()).isEqualTo("critical");
        assertThat(inbox(routingKey).accepted("ascend-" + action)).isEmpty();
        JsonNode sent = inbox(routingKey).only(dedupKey);
        assertThat(sent.get("payload").get("component").stringValue()).isEqualTo("customer-service-agent");
        assertThat(sent.get("payload").get("custom_details").get("risk_score").asInt()).isEqualTo(95);
    }

    @Test
    void aSampleEventRoutingWouldFilterSendsNothingAndSaysWhy() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(routingKey), 90));

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel,
                "event", Map.of("type", "action.blocked", "action_id", Events.newActionId(), "risk_score", 40)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        assertThat(test.get("decision").get("outcome").stringValue()).isEqualTo("filtered");
        assertThat(test.get("sent").booleanValue()).isFalse();
        assertThat(test.get("success").booleanValue()).isFalse();
        assertThat(test.get("message").stringValue()).contains("min_risk_score 90 > risk_score 40");
        assertThat(inbox(routingKey).requests()).isEmpty();
        assertThat(org.deliveries("channel_id=" + channel)).isEmpty();
    }

    @Test
    void aDryRunShowsThePayloadAndSendsNothing() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel, "dry_run", true));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        assertThat(test.get("dry_run").booleanValue()).isTrue();
        assertThat(test.get("sent").booleanValue()).isFalse();
        assertThat(test.get("payload").get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(test.get("payload").get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
        assertThat(inbox(routingKey).requests()).isEmpty();
        assertThat(org.deliveries("channel_id=" + channel)).isEmpty();
    }

    @Test
    void resolveFollowsTheTestAlertWithItsResolve() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel, "resolve", true));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        String dedupKey = test.get("dedup_key").stringValue();
        assertThat(test.get("success").booleanValue()).isTrue();
        assertThat(test.get("resolve").get("success").booleanValue()).isTrue();
        assertThat(test.get("resolve").get("status_code").asInt()).isEqualTo(202);
        PagerDutyInbox pagerDuty = inbox(routingKey);
        assertThat(pagerDuty.accepted(dedupKey)).extracting(e -> e.get("event_action").stringValue())
                .containsExactly("trigger", "resolve");
        assertThat(pagerDuty.incident(dedupKey).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(org.deliveries("channel_id=" + channel)).extracting(d -> d.get("kind").stringValue())
                .containsExactly("resolve", "test");
    }

    @Test
    void anUnknownChannelOrAnotherOrganizationsChannelIs404() {
        Pipeline org = newPipeline();
        Pipeline other = newPipeline();
        String othersChannel = other.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));

        ApiResponse unknown = org.admin().post("/api/notifications/test", Map.of("channel_id", "chan_pagerduty_123"));
        ApiResponse foreign = org.admin().post("/api/notifications/test", Map.of("channel_id", othersChannel));

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    }

    @Test
    void thePagesCurlLineUnderApiApiWorksToo() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));

        ApiResponse answer = org.admin().post("/api/api/notifications/test",
                "{\n\"channel_id\": \"" + channel + "\"\n}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("success").booleanValue()).isTrue();
        assertThat(inbox(routingKey).accepted()).hasSize(1);
    }
}
