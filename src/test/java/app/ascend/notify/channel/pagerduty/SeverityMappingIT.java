package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code payload.severity} as PagerDuty receives it: the page's table by risk score (90–100 critical,
 * 70–89 high → error, 40–69 medium → warning, 0–39 low → info), the event's {@code risk_level} over its
 * score, a type's default without either, and a channel's own {@code severity_mapping}.
 */
class SeverityMappingIT extends ApiTest {

    @Test
    void scoresEitherSideOfEachBandEdgeGetThePageSeverities() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        Map<String, String> expected = new LinkedHashMap<>();
        ArrayNode batch = Events.array();
        int[] scores = {39, 40, 69, 70, 89, 90};
        String[] severities = {"info", "warning", "warning", "error", "error", "critical"};
        for (int i = 0; i < scores.length; i++) {
            ObjectNode event = Events.trigger("action.blocked", Events.newActionId(), scores[i]);
            batch.add(event);
            expected.put("risk_score " + scores[i], severities[i]);
        }

        org.postBatch(batch);

        assertThat(severitiesSentTo(routingKey, batch.size(), e -> "risk_score " + e.get("risk_score").asInt()))
                .isEqualTo(expected);
    }

    @Test
    void theEventsRiskLevelWinsOverItsScore() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        ArrayNode batch = Events.batch(
                Events.trigger("action.blocked", Events.newActionId(), 95).put("risk_level", "low"),
                Events.trigger("action.blocked", Events.newActionId(), 10).put("risk_level", "critical"),
                Events.trigger("action.blocked", Events.newActionId(), 20).put("risk_level", "high"),
                Events.trigger("action.blocked", Events.newActionId(), 99).put("risk_level", "medium"));

        org.postBatch(batch);

        assertThat(severitiesSentTo(routingKey, batch.size(),
                e -> "risk_score " + e.get("risk_score").asInt() + ", risk_level " + e.get("risk_level").stringValue()))
                .containsOnly(
                        Map.entry("risk_score 95, risk_level low", "info"),
                        Map.entry("risk_score 10, risk_level critical", "critical"),
                        Map.entry("risk_score 20, risk_level high", "error"),
                        Map.entry("risk_score 99, risk_level medium", "warning"));
    }

    @Test
    void withoutScoreOrLevelEachTypeHasItsDocumentedDefault() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        ArrayNode batch = Events.array();
        for (String type : new String[] {"action.blocked", "policy.violation", "auth.failed", "auth.mfa_failed",
                "anomaly.detected"}) {
            batch.add(Events.event(type).put("action_id", Events.newActionId()));
        }

        org.postBatch(batch);

        assertThat(severitiesSentTo(routingKey, batch.size(), e -> e.get("class").stringValue()))
                .containsOnly(
                        Map.entry("action.blocked", "error"),
                        Map.entry("policy.violation", "error"),
                        Map.entry("auth.failed", "warning"),
                        Map.entry("auth.mfa_failed", "error"),
                        Map.entry("anomaly.detected", "warning"));
    }

    @Test
    void aChannelsSeverityMappingReplacesThePageDefault() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        ObjectNode channel = PipelineChannels.pagerDuty(routingKey);
        channel.putObject("severity_mapping")
                .put("critical", "critical").put("high", "critical").put("medium", "error").put("low", "warning");
        org.createChannel(channel);
        ArrayNode batch = Events.array();
        for (int score : new int[] {95, 75, 50, 10}) {
            batch.add(Events.trigger("anomaly.detected", Events.newActionId(), score));
        }

        org.postBatch(batch);

        assertThat(severitiesSentTo(routingKey, batch.size(), e -> "risk_score " + e.get("risk_score").asInt()))
                .containsOnly(
                        Map.entry("risk_score 95", "critical"),
                        Map.entry("risk_score 75", "critical"),
                        Map.entry("risk_score 50", "error"),
                        Map.entry("risk_score 10", "warning"));
    }

    /** Waits for {@code count} triggers at the key; answers each one's label (from its payload) → severity. */
    private static Map<String, String> severitiesSentTo(String routingKey, int count,
            Function<JsonNode, String> label) {
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == count);
        Map<String, String> severities = new LinkedHashMap<>();
        pagerDuty.accepted().forEach(e -> {
            JsonNode payload = e.get("payload");
            ObjectNode labelled = ((ObjectNode) payload.get("custom_details")).deepCopy();
            labelled.put("class", payload.get("class").stringValue());
            severities.put(label.apply(labelled), payload.get("severity").stringValue());
        });
        return severities;
    }
}
