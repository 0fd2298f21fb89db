package app.ascend.notify.event;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One governance event as ASCEND reports it: a value, validated on ingest elsewhere.
 *
 * <p>Only {@code id}, {@code type} and {@code occurredAt} are always present; every other field may be
 * null, and the channel mappers must degrade gracefully when it is.
 *
 * @param id             ASCEND event id ({@code evt_...})
 * @param riskLevel      {@code critical|high|medium|low}, or null to derive it from {@code riskScore}
 * @param summary        a summary that overrides the per-type template, or null
 * @param dedupKey       a dedup key that overrides {@code ascend-{action_id}}, or null
 * @param details        free-form details forwarded as {@code custom_details.details}, or null
 */
public record GovernanceEvent(
        String id,
        String organizationId,
        EventType type,
        Instant occurredAt,
        String actionId,
        String agentId,
        String actionType,
        String resource,
        Integer riskScore,
        String riskLevel,
        String policyName,
        String user,
        String sourceIp,
        String summary,
        String dedupKey,
        ObjectNode details) {

    public GovernanceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
