package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/** A change posts an informational message of its own: "CHANGE", never a risk alert, linking the event. */
class SlackChangeMessageTest {
    private final SlackChannelType type = SlackTypes.against("http://127.0.0.1:1/slack/api");

    @Test
    void aPolicyChangeIsAChangeMessageLinkingTheEvent() {
        GovernanceEvent change = new GovernanceEvent("evt_9", "org_1", EventType.POLICY_CHANGED, SlackTypes.AT, null, null,
                null, null, null, null, "Data Protection Policy", "alice@acme.example", null, null, null, null);
        RenderedMessage rendered = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")), change, "Acme");
        JsonNode posted = type.displayPayload("masked", rendered.payload());

        assertThat(rendered.kind()).isEqualTo(MessageKind.CHANGE);
        assertThat(rendered.priority()).isEqualTo(3);
        assertThat(posted.get("text").stringValue())
                .isEqualTo("[CHANGE] Policy changed: Data Protection Policy by alice@acme.example");
        JsonNode blocks = posted.get("blocks");
        assertThat(blocks.get(0).get("text").get("text").stringValue()).isEqualTo("📝 CHANGE · Policy changed");
        assertThat(posted.toString()).doesNotContain("opened").doesNotContain("HIGH");
        assertThat(blocks.get(3).get("elements").get(0).get("text").stringValue()).contains("opens no incident");
        assertThat(blocks.get(4).get("elements").get(0).get("url").stringValue())
                .isEqualTo("https://pilot.owkai.app/#/events/evt_9");
    }

    @Test
    void anIncomingWebhookSubscribedToChangesGetsNoWarningAboutFollowUps() {
        SlackSettings webhook = SlackTypes.webhook("https://hooks.slack.com/services/T0/B0/x");

        assertThat(webhook.warnings(java.util.List.of(EventType.AGENT_DEPLOYED, EventType.ACTION_BLOCKED))).isEmpty();
    }
}
