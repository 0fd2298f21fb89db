package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Adaptive Card of each event: the envelope Teams takes from a webhook, the title with the risk level, the
 * facts and buttons; a follow-up naming its alert and new state; every message under the size limit, cut by
 * code points, never split inside an emoji.
 */
class TeamsCardsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-12-06T05:00:00Z");
    private static final TeamsSettings RUNBOOKS = new TeamsSettings("https://prod-00.westus.logic.azure.com/workflows/x",
            Map.of("action.blocked", "https://wiki.company.com/runbooks/blocked-action"));
    private final TeamsCards cards = new TeamsCards("https://pilot.owkai.app/");

    @Test
    void aTriggerIsAnAdaptiveCardWithTheAlertsFactsAndButtons() {
        ObjectNode message = cards.event(event(EventType.ACTION_BLOCKED, 85, "Agent tried to delete production database",
                null), "Acme Corp", RUNBOOKS);

        assertThat(message.get("type").stringValue()).isEqualTo("message");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").stringValue()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").stringValue()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").stringValue()).isEqualTo("1.4");
        JsonNode body = card.get("body");
        assertThat(body.get(0).get("text").stringValue()).isEqualTo("HIGH risk: Action blocked");
        assertThat(body.get(0).get("color").stringValue()).isEqualTo("attention");
        assertThat(body.get(1).get("text").stringValue()).isEqualTo("Agent tried to delete production database");
        assertThat(facts(card)).containsExactly(
                "Agent=customer-service-agent", "Action=database.delete", "Resource=production.users",
                "Risk score=85", "Risk level=high", "Policy=Production Protection", "Organization=Acme Corp");
        assertThat(texts(card)).anySatisfy(t -> assertThat(t).contains("ascend-act_xyz789"));
        JsonNode actions = card.get("actions");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).get("type").stringValue()).isEqualTo("Action.OpenUrl");
        assertThat(actions.get(0).get("title").stringValue()).isEqualTo("View in Ascend");
        assertThat(actions.get(0).get("url").stringValue()).isEqualTo("https://pilot.owkai.app/actions/act_xyz789");
        assertThat(actions.get(1).get("title").stringValue()).isEqualTo("Runbook");
        assertThat(actions.get(1).get("url").stringValue()).isEqualTo("https://wiki.company.com/runbooks/blocked-action");
    }

    @Test
    void aFollowUpNamesTheAlertItFollowsAndItsNewState() {
        ObjectNode message = cards.event(event(EventType.ACTION_APPROVED, null, null, null), "Acme Corp", RUNBOOKS);

        JsonNode card = message.get("attachments").get(0).get("content");
        assertThat(card.get("body").get(0).get("text").stringValue()).isEqualTo("Approved: database.delete on production.users");
        assertThat(card.get("body").get(1).get("text").stringValue()).isEqualTo("The alert ascend-act_xyz789 is now approved.");
        assertThat(facts(card)).contains("Alert=ascend-act_xyz789", "State=approved", "Changed at=2026-12-06T05:00:00Z");
        assertThat(card.get("actions").get(0).get("url").stringValue()).isEqualTo("https://pilot.owkai.app/actions/act_xyz789");
    }

    @Test
    void aHugeSummaryAndDetailsAreCutToFitTeamsLimitByCodePoints() {
        String emoji = "\uD83D\uDD25"; // one code point, two chars, four UTF-8 bytes
        ObjectNode details = JSON.createObjectNode();
        details.put("log", "x".repeat(200_000));
        ObjectNode message = cards.event(event(EventType.POLICY_VIOLATION, 50, emoji.repeat(10_000), details), "Acme Corp",
                RUNBOOKS);

        assertThat(TeamsMessage.bytes(message).length).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
        JsonNode card = message.get("attachments").get(0).get("content");
        String summary = card.get("body").get(1).get("text").stringValue();
        assertThat(summary).endsWith("…");
        assertThat(summary.codePointCount(0, summary.length())).isLessThanOrEqualTo(TeamsCards.SUMMARY_MAX_CODE_POINTS);
        assertThat(summary.substring(0, summary.length() - 1).replace(emoji, "")).isEmpty(); // no half emoji
        assertThat(texts(card)).anySatisfy(t -> assertThat(t).startsWith("Cut to fit Teams' message size:")
                .contains("summary").contains("details"));
        assertThat(facts(card)).contains("Risk score=50");
        assertThat(card.get("actions")).hasSize(1); // View in Ascend; no runbook for policy.violation
    }

    @Test
    void factsAndButtonsAreDroppedWhenTextsAloneCannotFit() {
        List<TeamsMessage.Fact> facts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            facts.add(new TeamsMessage.Fact("Fact " + i, "v".repeat(90)));
        }
        ObjectNode message = TeamsCards.fitted(new TeamsMessage.Card("title", "default", "summary", facts, null, "footer",
                List.of(new TeamsMessage.Button("View in Ascend", "https://pilot.owkai.app/actions/a")), List.of()));

        assertThat(TeamsMessage.bytes(message).length).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
        JsonNode card = message.get("attachments").get(0).get("content");
        assertThat(card.get("body").get(2).get("facts").size()).isBetween(1, 399);
        assertThat(texts(card)).anySatisfy(t -> assertThat(t).contains("facts (dropped)"));
    }

    @Test
    void aTestAlertIsALowRiskCardAndItsResolveSaysSo() {
        JsonNode test = cards.test("Test alert from ASCEND", "ascend-test-chan_1-1", "Acme Corp", "Ops Teams",
                MessageKind.TEST, AT).get("attachments").get(0).get("content");
        assertThat(test.get("body").get(0).get("text").stringValue()).isEqualTo("LOW risk: ASCEND test alert");
        assertThat(facts(test)).contains("Channel=Ops Teams", "Organization=Acme Corp", "Risk level=low");

        JsonNode resolved = cards.test("Test alert from ASCEND", "ascend-test-chan_1-1", "Acme Corp", "Ops Teams",
                MessageKind.RESOLVE, AT).get("attachments").get(0).get("content");
        assertThat(resolved.get("body").get(0).get("text").stringValue()).isEqualTo("Resolved: ASCEND test alert");
    }

    private static GovernanceEvent event(EventType type, Integer score, String summary, ObjectNode details) {
        return new GovernanceEvent("evt_1", "org_1", type, AT, "act_xyz789", "customer-service-agent", "database.delete",
                "production.users", score, null, "Production Protection", "admin@company.com", "10.0.0.5", summary, null,
                details);
    }

    private static List<String> facts(JsonNode card) {
        for (JsonNode element : card.get("body")) {
            if ("FactSet".equals(element.get("type").stringValue())) {
                return element.get("facts").valueStream()
                        .map(f -> f.get("title").stringValue() + "=" + f.get("value").stringValue()).toList();
            }
        }
        return List.of();
    }

    private static List<String> texts(JsonNode card) {
        return card.get("body").valueStream().filter(e -> e.has("text")).map(e -> e.get("text").stringValue()).toList();
    }
}
