package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a ServiceNow delivery sends: a correlation id the encoded query cannot be bent by, text within ServiceNow's
 * field lengths (cut by code points), string impact and urgency from the risk level and no priority, and a resolve
 * with the configured state, Resolution code and notes.
 */
class ServiceNowTicketTest {
    private static final ServiceNowSettings SETTINGS = new ServiceNowSettings("https://acme.service-now.com",
            ServiceNowAuth.basic("a", "b"), null, "security", "6", "Solution provided", "Resolved by ASCEND.", Map.of());
    private final ServiceNowTicket tickets = new ServiceNowTicket("https://pilot.owkai.app");

    @Test
    void aSafeDedupKeyIsTheCorrelationIdAndAnyOtherIsHashed() {
        assertThat(ServiceNowTicket.correlationId("ascend-act_123")).isEqualTo("ascend-act_123");
        String hashed = ServiceNowTicket.correlationId("ascend-a^active=false");
        assertThat(hashed).startsWith("ascend-sha256-").hasSize(14 + 64).doesNotContain("^");
        assertThat(ServiceNowTicket.correlationId("ascend-a^active=false")).isEqualTo(hashed);
        assertThat(ServiceNowTicket.correlationId("k".repeat(101))).startsWith("ascend-sha256-");
    }

    @Test
    void aTriggerIsWithinTheFieldLimitsWithStringImpactAndUrgency() {
        String longSummary = "😀".repeat(300);
        ObjectNode payload = tickets.event(event(EventType.ACTION_BLOCKED, 95, longSummary), "Acme", SETTINGS);

        ObjectNode create = (ObjectNode) payload.get("create");
        String title = create.get("short_description").stringValue();
        assertThat(title.codePointCount(0, title.length())).isEqualTo(160);
        assertThat(title).startsWith("[CRITICAL] Action blocked: ").endsWith("…");
        assertThat(create.get("impact").isString()).isTrue();
        assertThat(create.get("impact").stringValue()).isEqualTo("1");
        assertThat(create.get("urgency").stringValue()).isEqualTo("1");
        assertThat(create.has("priority")).isFalse();
        assertThat(create.get("category").stringValue()).isEqualTo("security");
        assertThat(create.get("correlation_id").stringValue()).isEqualTo("ascend-act_1");
        String description = create.get("description").stringValue();
        assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(4000);
        assertThat(description).contains("https://pilot.owkai.app/actions/act_1");
    }

    @Test
    void anApprovalResolvesWithTheConfiguredCodeAndNotes() {
        ObjectNode payload = tickets.event(new GovernanceEvent("evt_2", "org", EventType.ACTION_APPROVED,
                Instant.parse("2026-01-02T03:04:05Z"), "act_1", null, null, null, null, null, null, "alice@example.com",
                null, null, null, null), "Acme", SETTINGS);

        ObjectNode update = (ObjectNode) payload.get("update");
        assertThat(update.get("state").stringValue()).isEqualTo("6");
        assertThat(update.get("close_code").stringValue()).isEqualTo("Solution provided");
        assertThat(update.get("close_notes").stringValue()).startsWith("Resolved by ASCEND.")
                .contains("approved by alice@example.com at 2026-01-02T03:04:05Z");
        assertThat(payload.get("correlation_id").stringValue()).isEqualTo("ascend-act_1");
    }

    @Test
    void anAcknowledgementIsAWorkNoteOnly() {
        ObjectNode payload = tickets.event(new GovernanceEvent("evt_3", "org", EventType.ACTION_ACKNOWLEDGED,
                Instant.parse("2026-01-02T03:04:05Z"), "act_1", null, null, null, null, null, null, null, null, null, null,
                null), "Acme", SETTINGS);

        assertThat(payload.get("update").propertyNames()).containsExactly("work_notes");
    }

    private static GovernanceEvent event(EventType type, int score, String summary) {
        return new GovernanceEvent("evt_1", "org", type, Instant.parse("2026-01-02T03:04:05Z"), "act_1", "agent-7",
                "database.delete", "production.users", score, null, "Production Protection", null, "10.0.0.1", summary,
                null, null);
    }
}
