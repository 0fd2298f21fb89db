package app.ascend.notify.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One change: who did what to which object, when, and what changed (secrets masked). */
public record AuditEntry(String id, String actorId, String actorEmail, String action, String targetType,
        String targetId, JsonNode changes, Instant at) {
}
