package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import tools.jackson.databind.JsonNode;

/**
 * The Block Kit message: header with the severity, the summary, the fields, the buttons, the plain-text fallback;
 * every text within Slack's limits (FACTS.md §5), cut by code points rather than refused.
 */
class SlackMessageTest {
    private final SlackChannelType type = SlackTypes.against("http://127.0.0.1:1/slack/api");

    @Test
    void aTriggerHasTheHeaderSummaryFieldsAndButtons() {
        RenderedMessage rendered = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")),
                SlackTypes.blocked("act_xyz789", "Agent tried to read customer PII"), "Acme");
        JsonNode posted = type.displayPayload("masked", rendered.payload());

        assertThat(rendered.kind()).isEqualTo(MessageKind.TRIGGER);
        assertThat(rendered.priority()).isEqualTo(1); // high
        assertThat(posted.has(SlackMessage.META)).isFalse();
        assertThat(posted.get("text").stringValue()).isEqualTo("[HIGH] Action blocked: Agent tried to read customer PII");
        JsonNode blocks = posted.get("blocks");
        assertThat(blocks.get(0).get("type").stringValue()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").stringValue()).isEqualTo("🟠 HIGH · Action blocked");
        assertThat(blocks.get(1).get("text").get("text").stringValue()).isEqualTo("Agent tried to read customer PII");
        List<String> fields = new ArrayList<>();
        blocks.get(2).get("fields").forEach(field -> fields.add(field.get("text").stringValue()));
        assertThat(fields).containsExactly("*Agent*\ncustomer-service-agent", "*Action*\ndatabase_query",
                "*Resource*\ncustomer_database", "*Risk score*\n85", "*Risk level*\nhigh", "*Policy*\nPII access policy",
                "*Organization*\nAcme", "*User*\nsvc-account", "*Source IP*\n10.0.0.5");
        assertThat(blocks.get(3).get("elements").get(0).get("text").stringValue()).contains("dedup key ascend-act_xyz789");
        JsonNode buttons = blocks.get(4).get("elements");
        assertThat(buttons.get(0).get("text").get("text").stringValue()).isEqualTo("View in Ascend");
        assertThat(buttons.get(0).get("url").stringValue()).isEqualTo("https://pilot.owkai.app/actions/act_xyz789");
        assertThat(buttons.get(1).get("text").get("text").stringValue()).isEqualTo("Runbook");
        assertThat(buttons.get(1).get("url").stringValue()).isEqualTo("https://wiki.example.com/runbooks/blocked");
    }

    @Test
    void aFiveThousandCharacterSummaryIsCutNotRefused() {
        String summary = "ab😀".repeat(1700); // 5,100 code points, astral ones among them
        RenderedMessage rendered = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")),
                SlackTypes.blocked("act_1", summary), "Acme");
        JsonNode posted = type.displayPayload("masked", rendered.payload());

        String section = posted.get("blocks").get(1).get("text").get("text").stringValue();
        assertThat(section.length()).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
        assertThat(section).endsWith("…").startsWith("ab😀ab😀");
        assertThat(posted.get("text").stringValue().length()).isLessThanOrEqualTo(SlackLimits.TEXT);
        assertThat(posted.get("blocks").size()).isLessThanOrEqualTo(SlackLimits.MAX_BLOCKS);
    }

    @Test
    void mrkdwnIsEscapedAndHeadersCutTo150() {
        assertThat(SlackLimits.mrkdwn("<@channel> & co", 100)).isEqualTo("&lt;@channel&gt; &amp; co");
        assertThat(SlackLimits.mrkdwn("&".repeat(100), 12)).isEqualTo("&amp;&amp;…").hasSizeLessThanOrEqualTo(12);
        JsonNode header = SlackMessage.header("h".repeat(400));
        assertThat(header.get("text").get("text").stringValue()).hasSize(150).endsWith("…");
        assertThat(SlackLimits.cut("😀".repeat(100), 10).length()).isLessThanOrEqualTo(10);
    }

    @Test
    void aLongRunbookUrlIsNotAButton() {
        assertThat(SlackMessage.button("Runbook", "https://x.example/" + "a".repeat(3000), "runbook")).isEmpty();
        assertThat(SlackMessage.button("b".repeat(100), "https://x.example/", "runbook").orElseThrow().get("text").get("text")
                .stringValue()).hasSize(75);
    }

    @Test
    void aFollowUpSaysWhoAndWhen() {
        RenderedMessage rendered = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")),
                SlackTypes.approved("act_1", "alice@acme.example"), "Acme");
        JsonNode posted = type.displayPayload("masked", rendered.payload());

        assertThat(rendered.kind()).isEqualTo(MessageKind.RESOLVE);
        assertThat(rendered.priority()).isZero();
        assertThat(posted.get("blocks").get(0).get("text").get("text").stringValue()).isEqualTo("✅ Resolved · Action approved");
        assertThat(posted.get("blocks").get(1).get("text").get("text").stringValue())
                .isEqualTo("Resolved (action.approved) by alice@acme.example at 2026-12-06T10:01:00Z");
        assertThat(posted.get("text").stringValue()).contains("dedup key ascend-act_1").contains("alice@acme.example");
    }

    @Test
    void theWebhookFollowUpQuotesTheAlert() {
        JsonNode trigger = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")),
                SlackTypes.blocked("act_1", "Agent tried to read PII"), "Acme").payload();
        SlackRemoteRef ref = SlackRemoteRef.of(SlackMessage.meta(trigger), null, null);
        JsonNode followUp = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")),
                SlackTypes.approved("act_1", "alice@acme.example"), "Acme").payload();

        JsonNode quoted = SlackFollowUp.quoting(followUp, SlackRemoteRef.decode(ref.encoded()));

        assertThat(quoted.get("blocks").get(1).get("text").get("text").stringValue())
                .isEqualTo("> Action blocked: Agent tried to read PII\n_dedup key ascend-act_1_");
        assertThat(quoted.get("text").stringValue()).contains("Agent tried to read PII");
        assertThat(quoted.has(SlackMessage.META)).isFalse();
    }

    @Test
    void theKeptReferenceStaysWithin2000Characters() {
        String controlCharacters = "\u0001".repeat(600);
        SlackRemoteRef ref = new SlackRemoteRef("C0123456789", "1.000001", "Action blocked", "high", "ascend-act_1",
                controlCharacters);
        assertThat(ref.encoded().length()).isLessThanOrEqualTo(2000);
        assertThat(SlackRemoteRef.decode(ref.encoded()).ts()).isEqualTo("1.000001");
        assertThat(SlackRemoteRef.decode("not json")).isNull();
    }
}
