package app.ascend.notify.ingest;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** An event as stored: the event itself (JSON), the sender's id, and every channel's decision (JSON). */
public record StoredEvent(String id, String organizationId, String sourceId, String type, String actionId,
        String dedupKey, Instant occurredAt, Instant receivedAt, JsonNode body, JsonNode decisions) {
}
