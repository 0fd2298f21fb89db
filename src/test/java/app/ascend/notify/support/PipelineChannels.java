package app.ascend.notify.support;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** PagerDuty channel bodies for {@code POST /api/notifications/channels}. */
public final class PipelineChannels {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PipelineChannels() {
    }

    /** A channel for every event type that pages {@code routingKey} (its {@code config.routing_key}). */
    public static ObjectNode pagerDuty(String routingKey) {
        ObjectNode channel = JSON.createObjectNode()
                .put("name", "PagerDuty " + UUID.randomUUID().toString().substring(0, 6))
                .put("type", "pagerduty");
        channel.putObject("config").put("routing_key", routingKey);
        return channel;
    }

    /** {@link #pagerDuty} subscribed to {@code events} only. */
    public static ObjectNode pagerDuty(String routingKey, String... events) {
        ObjectNode channel = pagerDuty(routingKey);
        var list = channel.putArray("events");
        for (String event : events) {
            list.add(event);
        }
        return channel;
    }

    /** {@link #pagerDuty} that pages only for events whose risk score is at least {@code minRiskScore}. */
    public static ObjectNode withMinRiskScore(ObjectNode channel, int minRiskScore) {
        channel.putObject("filters").put("min_risk_score", minRiskScore);
        return channel;
    }

    /** {@code channel} taking only triggers scored from {@code min} to {@code max} (inclusive; null: no bound). */
    public static ObjectNode withRiskScores(ObjectNode channel, Integer min, Integer max) {
        ObjectNode filters = channel.putObject("filters");
        if (min != null) {
            filters.put("min_risk_score", min);
        }
        if (max != null) {
            filters.put("max_risk_score", max);
        }
        return channel;
    }

    /** One of the page's channel bodies ({@link PageBodies}) with a real key in place of its placeholder. */
    public static String page(String body, String placeholder, String routingKey) {
        if (!body.contains("\"" + placeholder + "\"")) {
            throw new IllegalArgumentException(placeholder + " is not in the page's body");
        }
        return body.replace("\"" + placeholder + "\"", "\"" + routingKey + "\"");
    }
}
