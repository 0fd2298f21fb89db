package app.ascend.notify.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ServiceNow stand-in's control routes, under {@code /_sim/servicenow/{instance}/} (errors as
 * {@code {"error":"…"}}):
 * <ul>
 *   <li>{@code GET incidents}: {@code {"incidents":[…]}}, each with its {@code work_notes}; {@code GET requests}: every
 *       request with its status and problems;
 *   <li>{@code POST faults} e.g. {@code {"on":"create","status":503,"count":2}},
 *       {@code {"on":"any","status":429,"retry_after":2}}, {@code {"on":"create","status":400,"message":"…","detail":"…"}},
 *       {@code {"on":"create","lose_answer":true}} ({@code on}: lookup, create, update, token or any; {@code count} 1
 *       unless given, -1 until cleared); {@code DELETE faults} clears;
 *   <li>{@code POST credentials} {@code {"username":"…","password":"…"}} or {@code {"client_id":"…","client_secret":"…"}}:
 *       only these are accepted from then on; {@code POST tokens/revoke}; {@code POST policy}
 *       {@code {"require_close_fields":true,"token_lifetime":1799}};
 * </ul>
 * and {@code POST /_sim/servicenow/reset} forgets every instance.
 */
final class ServiceNowControl extends JsonControl {
    private final ServiceNowStandIn standIn;

    ServiceNowControl(ServiceNowStandIn standIn) {
        super(ServiceNowStandIn.CONTROL_PREFIX, ServiceNowStandIn.JSON);
        this.standIn = standIn;
    }

    @Override
    JsonNode route(String method, String resource, byte[] body) {
        if (method.equals("POST") && resource.equals("reset")) {
            standIn.reset();
            return ok();
        }
        int slash = resource.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String instance = resource.substring(0, slash);
        if (!ServiceNowStandIn.isInstanceName(instance)) {
            throw new IllegalArgumentException("An instance name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return switch (method + " " + resource.substring(slash + 1)) {
            case "GET incidents" -> incidents(instance);
            case "GET requests" -> requests(instance);
            case "POST faults" -> {
                standIn.injectFault(instance, fault(object(body)));
                yield ok();
            }
            case "DELETE faults" -> {
                standIn.clearFaults(instance);
                yield ok();
            }
            case "POST credentials" -> {
                JsonNode request = object(body);
                if (request.has("client_id")) {
                    standIn.requireClient(instance, text(request, "client_id"), text(request, "client_secret"));
                } else {
                    standIn.requireBasic(instance, text(request, "username"), text(request, "password"));
                }
                yield ok();
            }
            case "POST tokens/revoke" -> {
                standIn.revokeTokens(instance);
                yield ok();
            }
            case "POST policy" -> {
                JsonNode request = object(body);
                if (request.has("require_close_fields")) {
                    standIn.setRequireCloseFields(instance, request.path("require_close_fields").asBoolean(false));
                }
                if (request.has("token_lifetime")) {
                    standIn.setTokenLifetime(instance, request.path("token_lifetime").asLong(1799));
                }
                yield ok();
            }
            default -> null;
        };
    }

    static ServiceNowFault fault(JsonNode request) {
        String on = request.path("on").isString() ? request.path("on").stringValue() : "any";
        return new ServiceNowFault(on, request.path("status").asInt(0),
                request.path("message").isString() ? request.path("message").stringValue() : null,
                request.path("detail").isString() ? request.path("detail").stringValue() : null,
                request.path("retry_after").asInt(1), request.path("lose_answer").asBoolean(false),
                request.path("count").asInt(1));
    }

    private JsonNode incidents(String instance) {
        ObjectNode root = ServiceNowStandIn.JSON.createObjectNode();
        ArrayNode items = root.putArray("incidents");
        for (JsonNode incident : standIn.incidents(instance)) {
            ObjectNode item = ((ObjectNode) incident).deepCopy();
            ArrayNode notes = item.putArray("work_notes");
            standIn.workNotes(instance, incident.path("sys_id").asString("")).forEach(notes::add);
            items.add(item);
        }
        return root;
    }

    private JsonNode requests(String instance) {
        ObjectNode root = ServiceNowStandIn.JSON.createObjectNode();
        ArrayNode items = root.putArray("requests");
        for (ServiceNowRequest request : standIn.requests(instance)) {
            ObjectNode item = items.addObject();
            item.put("sequence", request.sequence());
            item.put("at", request.at().toString());
            item.put("kind", request.kind());
            item.put("method", request.method());
            item.put("path", request.path());
            item.put("query", request.query());
            item.put("as", request.authorization());
            item.set("body", request.body());
            item.put("status", request.status());
            item.put("answer_lost", request.answerLost());
            ArrayNode problems = item.putArray("problems");
            request.problems().forEach(problems::add);
        }
        return root;
    }

    private static JsonNode object(byte[] body) {
        JsonNode node = ServiceNowStandIn.JSON.readTree(body);
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
