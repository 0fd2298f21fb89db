package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.TestEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The page's include_metadata ("Missing Details: ensure include_metadata is enabled"). */
class IncludeMetadataTest {

    private static final RenderOptions WITHOUT_METADATA = new RenderOptions(
            Rendered.PAGE_ROUTING_KEY, "Acme Corp", null, null, false, Rendered.PAGE_PUBLIC_URL);

    private static ObjectNode details() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("query", "SELECT * FROM customers");
        details.putArray("matched_rules").add("pii-export");
        return details;
    }

    @Test
    void withMetadataTheEventsDetailsFollowThePagesEightKeys() {
        JsonNode custom = Rendered.json(TestEvents.pageExample().details(details()).build())
                .at("/payload/custom_details");

        assertThat(names(custom)).containsExactly("action_id", "agent_id", "action_type", "resource", "risk_score",
                "risk_level", "policy_name", "organization", "details");
        assertThat(custom.at("/details/query").asString()).isEqualTo("SELECT * FROM customers");
        assertThat(custom.at("/details/matched_rules/0").asString()).isEqualTo("pii-export");
    }

    @Test
    void withMetadataKeysWithoutAValueAreLeftOutAndRiskLevelIsDerived() {
        JsonNode custom = Rendered.json(TestEvents.bare(EventType.ANOMALY_DETECTED)
                .actionId("act_1").agentId("bot-7").riskScore(72).build()).at("/payload/custom_details");

        assertThat(names(custom)).containsExactly("action_id", "agent_id", "risk_score", "risk_level", "organization");
        assertThat(custom.get("risk_level").asString()).isEqualTo("high");
        assertThat(custom.toString()).doesNotContain("null");
    }

    @Test
    void withoutMetadataOnlyActionIdAndRiskLevelAreSent() {
        JsonNode json = Rendered.json(TestEvents.pageExample().details(details()).build(), WITHOUT_METADATA);
        JsonNode custom = json.at("/payload/custom_details");

        assertThat(names(custom)).containsExactly("action_id", "risk_level");
        assertThat(custom.get("action_id").asString()).isEqualTo("act_xyz789");
        assertThat(custom.get("risk_level").asString()).isEqualTo("critical");
        assertThat(json.at("/payload/component").asString()).as("payload fields stay").isEqualTo("customer-service-agent");
    }

    @Test
    void withoutMetadataTheRiskLevelIsStillDerivedFromTheScore() {
        JsonNode custom = Rendered.json(TestEvents.pageExample().riskLevel(null).riskScore(45).build(),
                WITHOUT_METADATA).at("/payload/custom_details");

        assertThat(custom.get("risk_level").asString()).isEqualTo("medium");
    }

    @Test
    void theEventsDetailsAreCopiedNotShared() {
        ObjectNode details = details();
        PagerDutyEvent rendered = Rendered.MAPPER.render(TestEvents.pageExample().details(details).build(),
                Rendered.PAGE_OPTIONS);
        details.put("query", "changed later");

        assertThat(rendered.payload().customDetails().at("/details/query").asString())
                .isEqualTo("SELECT * FROM customers");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
