package app.ascend.notify.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Slack stand-in's control routes, under {@code /_sim/slack/} (errors as {@code {"error":"…"}}):
 * <ul>
 *   <li>{@code GET messages}: {@code {"messages":[…]}}, the accepted requests; {@code GET requests}: every request;
 *   <li>{@code POST faults} e.g. {@code {"status":503,"count":2}}, {@code {"error":"internal_error"}} (HTTP 200
 *       {@code ok:false}), {@code {"ratelimited":true,"retry_after":2}}, {@code {"delay_ms":3000}}, each with an
 *       optional {@code "target"} (a webhook name or channel id) and {@code "count"} (1 unless given; -1 = until
 *       cleared); {@code DELETE faults} clears;
 *   <li>{@code POST channels} {@code {"channel":"C…","state":"archived|not_found|not_in_channel|ok"}},
 *       {@code POST tokens} {@code {"token":"xoxb-…","state":"invalid_auth|token_revoked|account_inactive|missing_scope|ok"}},
 *       {@code POST webhooks} {@code {"name":"…","state":"archived|removed|ok"}}, {@code POST burst} {@code {"burst":3}};
 *   <li>{@code POST reset}: forgets everything.
 * </ul>
 */
final class SlackControl extends JsonControl {
    private final SlackStandIn slack;

    SlackControl(SlackStandIn slack) {
        super(SlackStandIn.CONTROL_PREFIX, SlackStandIn.JSON);
        this.slack = slack;
    }

    @Override
    JsonNode route(String method, String resource, byte[] body) {
        return switch (method + " " + resource) {
            case "GET messages" -> list("messages", true);
            case "GET requests" -> list("requests", false);
            case "POST faults" -> {
                slack.injectFault(fault(object(body)));
                yield ok();
            }
            case "DELETE faults" -> {
                slack.clearFaults();
                yield ok();
            }
            case "POST channels" -> {
                JsonNode request = object(body);
                slack.setChannelState(text(request, "channel"), text(request, "state"));
                yield ok();
            }
            case "POST tokens" -> {
                JsonNode request = object(body);
                slack.setTokenState(text(request, "token"), text(request, "state"));
                yield ok();
            }
            case "POST webhooks" -> {
                JsonNode request = object(body);
                slack.setWebhookState(text(request, "name"), text(request, "state"));
                yield ok();
            }
            case "POST burst" -> {
                slack.setBurst(object(body).path("burst").asInt(SlackStandIn.DEFAULT_BURST));
                yield ok();
            }
            case "POST reset" -> {
                slack.reset();
                yield ok();
            }
            default -> null;
        };
    }

    static SlackFault fault(JsonNode request) {
        String target = request.path("target").isString() ? request.path("target").stringValue() : null;
        int status = request.path("status").asInt(0);
        String error = request.path("error").isString() ? request.path("error").stringValue() : null;
        boolean ratelimited = request.path("ratelimited").asBoolean(false);
        int retryAfter = request.path("retry_after").asInt(1);
        long delay = request.path("delay_ms").asLong(0);
        int count = request.path("count").asInt(1);
        return new SlackFault(target, status, error, ratelimited, retryAfter, Duration.ofMillis(delay), count);
    }

    private JsonNode list(String name, boolean acceptedOnly) {
        ObjectNode root = SlackStandIn.JSON.createObjectNode();
        ArrayNode items = root.putArray(name);
        for (SlackPost post : slack.posts()) {
            if (acceptedOnly && !post.accepted()) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("sequence", post.sequence());
            item.put("at", post.at().toString());
            item.put("via", post.via());
            item.put("target", post.target());
            item.put("ts", post.ts());
            item.put("thread_ts", post.threadTs());
            item.put("status", post.status());
            item.put("error", post.error());
            item.set("body", post.body());
        }
        return root;
    }

    private static JsonNode object(byte[] body) {
        JsonNode node = SlackStandIn.JSON.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return node.path(field).stringValue();
    }
}
