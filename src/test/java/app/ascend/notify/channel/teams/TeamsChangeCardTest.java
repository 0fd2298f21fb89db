package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/** A change is a neutral card titled "Change: …", never an alert or a follow-up, linking the event in the console. */
class TeamsChangeCardTest {
    private final TeamsCards cards = new TeamsCards("https://pilot.owkai.app/");

    @Test
    void anAgentDeploymentIsANeutralChangeCard() {
        GovernanceEvent change = new GovernanceEvent("evt_7", "org_1", EventType.AGENT_DEPLOYED,
                Instant.parse("2026-12-06T05:00:00Z"), null, "customer-service-agent", null, null, null, null, null,
                "ci@acme.example", null, null, null, null);

        JsonNode card = cards.event(change, "Acme Corp", new TeamsSettings("https://prod-00.westus.logic.azure.com/x",
                Map.of())).get("attachments").get(0).get("content");

        JsonNode body = card.get("body");
        assertThat(body.get(0).get("text").stringValue()).isEqualTo("Change: Agent deployed");
        assertThat(body.get(0).get("color").stringValue()).isEqualTo("default");
        assertThat(body.get(1).get("text").stringValue())
                .isEqualTo("Agent deployed: customer-service-agent by ci@acme.example");
        assertThat(card.toString()).contains("Change (opens no incident)").doesNotContain("is now")
                .contains("https://pilot.owkai.app/#/events/evt_7");
    }
}
