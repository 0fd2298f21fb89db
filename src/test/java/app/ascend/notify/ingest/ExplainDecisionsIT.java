package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * "Why was I (not) paged?": {@code GET /api/events/{id}} shows the event and each channel's decision in
 * words and numbers, with the deliveries it led to: queued, filtered, not_subscribed, disabled,
 * nothing_to_resolve and merged. {@code GET /api/events?action_id=} lists an action's events.
 */
class ExplainDecisionsIT extends ApiTest {

    @Test
    void oneEventShowsEachChannelsDecisionWithItsReasonAndDelivery() {
        Pipeline org = newPipeline();
        String pagedKey = newRoutingKey();
        String paged = org.createChannel(PipelineChannels.pagerDuty(pagedKey));
        String criticalOnly = org.createChannel(PipelineChannels.withMinRiskScore(PipelineChannels.pagerDuty(newRoutingKey()), 90));
        String securityOnly = org.createChannel(PipelineChannels.pagerDuty(newRoutingKey(), "auth.failed"));
        String disabled = org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()).put("enabled", false));
        String action = Events.newActionId();

        String id = org.postEvent(Events.trigger("action.blocked", action, 85).put("agent_id", "customer-service-agent"));

        eventually().until(() -> "delivered".equals(
                org.decision(id, paged).get("deliveries").get(0).get("status").stringValue()));
        JsonNode explained = org.explain(id);
        assertThat(explained.get("event").get("id").stringValue()).isEqualTo(id);
        assertThat(explained.get("event").get("type").stringValue()).isEqualTo("action.blocked");
        assertThat(explained.get("event").get("action_id").stringValue()).isEqualTo(action);
        assertThat(explained.get("event").get("risk_score").asInt()).isEqualTo(85);
        assertThat(explained.get("event").get("dedup_key").stringValue()).isEqualTo("ascend-" + action);
        assertThat(explained.get("decisions")).hasSize(4);

        JsonNode queued = org.decision(id, paged);
        assertThat(queued.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(queued.get("channel_name").stringValue()).startsWith("PagerDuty ");
        assertThat(queued.get("routing_key").stringValue()).isEqualTo("****" + pagedKey.substring(28));
        assertThat(queued.get("reason").stringValue()).isEqualTo("trigger queued for routing key ****" + pagedKey.substring(28));
        JsonNode delivery = queued.get("deliveries").get(0);
        assertThat(delivery.get("kind").stringValue()).isEqualTo("trigger");
        assertThat(delivery.get("attempts").get(0).get("http_status").asInt()).isEqualTo(202);
        assertThat(delivery.get("payload").get("routing_key").stringValue()).isEqualTo("****" + pagedKey.substring(28));

        assertThat(outcomeAndReason(org.decision(id, criticalOnly)))
                .isEqualTo(List.of("filtered", "min_risk_score 90 > risk_score 85"));
        assertThat(outcomeAndReason(org.decision(id, securityOnly)))
                .isEqualTo(List.of("not_subscribed", "channel's events do not include action.blocked"));
        assertThat(outcomeAndReason(org.decision(id, disabled))).isEqualTo(List.of("disabled", "channel is disabled"));
        for (String skipped : List.of(criticalOnly, securityOnly, disabled)) {
            assertThat(org.decision(id, skipped).get("deliveries")).isEmpty();
        }
    }

    @Test
    void anApprovalWithoutATriggerExplainsThereIsNothingToResolve() {
        Pipeline org = newPipeline();
        String channel = org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String action = Events.newActionId();

        String id = org.postEvent(Events.approval(action));

        JsonNode decision = org.decision(id, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("nothing_to_resolve");
        assertThat(decision.get("reason").stringValue()).isEqualTo(
                "no trigger went to this channel for dedup key ascend-" + action + ", so there is nothing to resolve");
        assertThat(decision.get("deliveries")).isEmpty();
    }

    @Test
    void aSecondTriggerForAnActionStillWaitingIsMergedIntoItsDelivery() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();

        List<String> ids = org.postBatch(Events.batch(
                Events.trigger("action.blocked", action, 70).put("summary", "first"),
                Events.trigger("action.blocked", action, 95).put("summary", "second")));

        JsonNode first = org.decision(ids.get(0), channel);
        JsonNode merged = org.decision(ids.get(1), channel);
        String delivery = first.get("deliveries").get(0).get("id").stringValue();
        assertThat(first.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(merged.get("outcome").stringValue()).isEqualTo("merged");
        assertThat(merged.get("reason").stringValue()).startsWith("merged into waiting delivery " + delivery);
        assertThat(merged.get("deliveries")).hasSize(1);
        assertThat(merged.get("deliveries").get(0).get("id").stringValue()).isEqualTo(delivery);
        assertThat(merged.get("deliveries").get(0).get("merged_count").asInt()).isEqualTo(1);
        eventually().until(() -> inbox(routingKey).accepted().size() == 1);
        JsonNode sent = inbox(routingKey).only("ascend-" + action);
        assertThat(sent.get("payload").get("summary").stringValue()).isEqualTo("second");
        assertThat(sent.get("payload").get("severity").stringValue()).isEqualTo("critical");
        assertThat(org.deliveriesOf(ids.get(1))).isEmpty();
    }

    @Test
    void anActionsEventsAreListedNewestFirst() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String action = Events.newActionId();
        String trigger = org.postEvent(Events.trigger("action.blocked", action, 85));
        String approval = org.postEvent(Events.approval(action));
        org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));

        List<JsonNode> events = org.eventsOfAction(action);

        assertThat(events).extracting(e -> e.get("id").stringValue()).containsExactly(approval, trigger);
        assertThat(events).extracting(e -> e.get("type").stringValue()).containsExactly("action.approved", "action.blocked");
    }

    private static List<String> outcomeAndReason(JsonNode decision) {
        return List.of(decision.get("outcome").stringValue(), decision.get("reason").stringValue());
    }
}
