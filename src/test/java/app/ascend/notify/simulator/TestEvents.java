package app.ascend.notify.simulator;

import tools.jackson.databind.node.ObjectNode;

/** Events API v2 bodies for tests. */
final class TestEvents {

    /** 32 alphanumeric characters, like a real integration key (FACTS.md §2). */
    static final String ROUTING_KEY = "R0123456789abcdefABCDEF012345678";
    static final String OTHER_ROUTING_KEY = "0123456789abcdef0123456789abcdef";

    private TestEvents() {
    }

    static ObjectNode trigger(String routingKey, String dedupKey) {
        ObjectNode event = SimHttp.JSON.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("event_action", "trigger");
        if (dedupKey != null) {
            event.put("dedup_key", dedupKey);
        }
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", "Agent action blocked: " + dedupKey);
        payload.put("source", "ascend-notify.example.com");
        payload.put("severity", "critical");
        return event;
    }

    static ObjectNode action(String routingKey, String action, String dedupKey) {
        ObjectNode event = SimHttp.JSON.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("event_action", action);
        event.put("dedup_key", dedupKey);
        return event;
    }

    static ObjectNode change(String routingKey, String summary) {
        ObjectNode event = SimHttp.JSON.createObjectNode();
        event.put("routing_key", routingKey);
        event.putObject("payload").put("summary", summary).put("source", "deployer");
        return event;
    }

    static String json(ObjectNode event) {
        return SimHttp.JSON.writeValueAsString(event);
    }
}
