package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice (a destination reported that an incident changed there) is an informational Slack message: who acted and
 * where, a button to the incident's page there, low priority, and in the alert's thread only for a bot that posted
 * the alert in the same Slack channel.
 */
class SlackNoticeTest {
    private final SlackChannelType type = SlackTypes.against("http://127.0.0.1:1/slack/api");

    @Test
    void aNoticeSaysWhoActedWhereWithAButtonToTheIncidentThere() {
        RenderedMessage rendered = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")), acknowledged(), "Acme");
        JsonNode posted = type.displayPayload("masked", rendered.payload());

        assertThat(rendered.kind()).isEqualTo(MessageKind.NOTICE);
        assertThat(rendered.priority()).isEqualTo(3); // low: news, behind follow-ups and riskier triggers
        assertThat(posted.get("text").stringValue())
                .isEqualTo("ℹ️ Incident for database_query on customer_database acknowledged in PagerDuty by Jane Doe");
        JsonNode blocks = posted.get("blocks");
        assertThat(blocks.get(0).get("text").get("text").stringValue()).isEqualTo("ℹ️ Incident acknowledged in PagerDuty");
        List<String> fields = new ArrayList<>();
        blocks.get(2).get("fields").forEach(field -> fields.add(field.get("text").stringValue()));
        assertThat(fields).startsWith("*By*\nJane Doe", "*Status there*\nacknowledged");
        JsonNode buttons = blocks.get(4).get("elements");
        assertThat(buttons.get(1).get("text").get("text").stringValue()).isEqualTo("Open in PagerDuty");
        assertThat(buttons.get(1).get("url").stringValue()).isEqualTo("https://acme.pagerduty.com/incidents/Q1");
    }

    @Test
    void aNoticeRepliesInTheAlertsThreadOnlyInTheSameSlackChannel() {
        JsonNode payload = type.render(SlackTypes.channel(SlackTypes.bot("C0123456789")), acknowledged(), "Acme").payload();
        SlackDestination bot = SlackDestination.decode(SlackTypes.bot("C0123456789").destination().encoded());
        SlackRemoteRef here = new SlackRemoteRef("C0123456789", "1712345678.000100", "t", "high", "k", "s");
        SlackRemoteRef elsewhere = new SlackRemoteRef("C9999999999", "1712345678.000100", "t", "high", "k", "s");

        assertThat(SlackNotice.body(payload, here, bot).get("thread_ts").stringValue()).isEqualTo("1712345678.000100");
        assertThat(SlackNotice.body(payload, elsewhere, bot).has("thread_ts")).isFalse();
        assertThat(SlackNotice.body(payload, null, bot).get("channel").stringValue()).isEqualTo("C0123456789");
        assertThat(SlackNotice.body(payload, here, bot).has(SlackMessage.META)).isFalse();
    }

    private static GovernanceEvent acknowledged() {
        ObjectNode details = JsonMapper.builder().build().createObjectNode();
        details.put("destination", "PagerDuty");
        details.put("by", "Jane Doe");
        details.put("remote_status", "acknowledged");
        details.put("remote_url", "https://acme.pagerduty.com/incidents/Q1");
        return new GovernanceEvent("evt_3", "org_1", EventType.INCIDENT_ACKNOWLEDGED, SlackTypes.AT, "act_1",
                "customer-service-agent", "database_query", "customer_database", 85, null, null, null, null,
                "Incident for database_query on customer_database acknowledged in PagerDuty by Jane Doe", "ascend-act_1",
                details);
    }
}
