package app.ascend.notify.channel.spi;

import tools.jackson.databind.JsonNode;

/**
 * A rendered message: its payload (without secrets), the priority it waits with when the destination's
 * rate budget is spent (0 = most urgent, e.g. a critical page), and what it does to the incident.
 */
public record RenderedMessage(JsonNode payload, int priority, MessageKind kind) {
}
