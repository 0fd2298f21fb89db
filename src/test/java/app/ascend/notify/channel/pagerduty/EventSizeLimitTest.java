package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** PagerDuty's "512 KB maximum payload" ([D1] Size Limits), read as 512 000 bytes. */
class EventSizeLimitTest {

    private static final int LIMIT = PagerDutyLimits.MAX_EVENT_BYTES;

    private static ObjectNode detailsOf(String text) {
        return JsonNodeFactory.instance.objectNode().put("transcript", text);
    }

    private static GovernanceEvent withDetails(String text) {
        return TestEvents.pageExample().details(detailsOf(text)).build();
    }

    private static byte[] rendered(GovernanceEvent event) {
        return Rendered.MAPPER.encode(Rendered.MAPPER.render(event, Rendered.PAGE_OPTIONS));
    }

    @Test
    void eventOfExactly512000BytesIsSentWhole() {
        int base = rendered(withDetails("")).length;
        GovernanceEvent atLimit = withDetails("x".repeat(LIMIT - base));

        byte[] bytes = rendered(atLimit);
        assertThat(bytes).hasSize(LIMIT);
        assertThat(Rendered.parse(bytes).at("/payload/custom_details/details/transcript").asString())
                .hasSize(LIMIT - base);
    }

    @Test
    void oneByteOverDropsTheDetailsAndSaysWhy() {
        int base = rendered(withDetails("")).length;
        byte[] bytes = rendered(withDetails("x".repeat(LIMIT - base + 1)));
        JsonNode custom = Rendered.parse(bytes).at("/payload/custom_details");

        assertThat(bytes.length).isLessThanOrEqualTo(LIMIT);
        assertThat(custom.has("details")).isFalse();
        assertThat(custom.get("details_truncated").asString())
                .contains("details removed").contains("512001 bytes").contains("512000");
    }

    @Test
    void hugeDetailsAreRemovedWhileThePagesMetadataStays() {
        byte[] bytes = rendered(withDetails("x".repeat(2_000_000)));
        JsonNode json = Rendered.parse(bytes);
        JsonNode custom = json.at("/payload/custom_details");

        assertThat(bytes.length).isLessThanOrEqualTo(LIMIT);
        assertThat(custom.has("details")).isFalse();
        assertThat(custom.get("policy_name").asString()).isEqualTo("Data Protection Policy");
        assertThat(custom.get("organization").asString()).isEqualTo("Acme Corp");
        assertThat(custom.get("details_truncated").asString()).containsPattern("was 2000\\d{3} bytes");
        assertThat(json.at("/payload/summary").asString())
                .isEqualTo("High-risk action blocked: database_query on customer_database");
        assertThat(json.at("/links/0/text").asString()).isEqualTo("View in Ascend");
    }

    @Test
    void sizeIsCountedInUtf8BytesNotCharacters() {
        // 300 000 characters, 600 000 bytes: under the limit by length, over it on the wire.
        byte[] bytes = rendered(withDetails("é".repeat(300_000)));

        assertThat(bytes.length).isLessThanOrEqualTo(LIMIT);
        assertThat(Rendered.parse(bytes).at("/payload/custom_details/details_truncated").isString()).isTrue();
    }

    @Test
    void stillTooLargeWithoutDetailsKeepsOnlyTheNoteActionIdAndRiskLevel() {
        GovernanceEvent event = TestEvents.pageExample().resource("r".repeat(300_000))
                .policyName("p".repeat(300_000)).details(detailsOf("d")).build();

        byte[] bytes = rendered(event);
        JsonNode custom = Rendered.parse(bytes).at("/payload/custom_details");

        assertThat(bytes.length).isLessThanOrEqualTo(LIMIT);
        assertThat(custom.properties()).hasSize(3);
        assertThat(custom.get("action_id").asString()).isEqualTo("act_xyz789");
        assertThat(custom.get("risk_level").asString()).isEqualTo("critical");
        assertThat(custom.get("details_truncated").asString()).contains("details and metadata removed");
    }

    @Test
    void eventThatCannotBeShrunkEnoughIsRefused() {
        GovernanceEvent event = TestEvents.pageExample().agentId("a".repeat(600_000)).build();

        assertThatThrownBy(() -> Rendered.MAPPER.render(event, Rendered.PAGE_OPTIONS))
                .isInstanceOf(EventTooLargeException.class)
                .satisfies(e -> assertThat(((EventTooLargeException) e).sizeBytes()).isGreaterThan(LIMIT));
    }
}
