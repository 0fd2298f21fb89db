package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/**
 * A change type becomes a Change Events API event (FACTS.md §6): routing_key, payload {summary, timestamp, source,
 * custom_details} and links; no event_action, dedup_key, images, client or severity; the summary cut to 1024 code
 * points like a trigger's.
 */
class ChangeEventFormatTest {
    private static final Instant AT = Instant.parse("2026-12-06T18:47:33.315Z");
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final PagerDutyChannelType type = new PagerDutyChannelType(
            new PagerDutyClient("http://127.0.0.1:1", Duration.ofSeconds(1), Clock.systemUTC()), null,
            "https://pilot.owkai.app", 120, Clock.systemUTC());

    private static GovernanceEvent change(EventType type, String summary) {
        return new GovernanceEvent("evt_01CHANGE", "org_1", type, AT, null, "customer-service-agent", null, null, null,
                null, "Data Protection Policy", "alice@acme.example", null, summary, null,
                Rendered.JSON.createObjectNode().put("version", 7));
    }

    private RenderedMessage render(GovernanceEvent event, Map<String, String> runbooks) {
        PagerDutySettings settings = new PagerDutySettings(null, KEY, "us", Map.of(), runbooks, true, null, List.of(), null, null);
        return type.render(new ChannelRef("chan_1", "PagerDuty", "org_1", settings), event, "Acme Corp");
    }

    @Test
    void aPolicyChangeHasExactlyTheChangeEventsFields() {
        RenderedMessage rendered = render(change(EventType.POLICY_CHANGED, null),
                Map.of("policy.changed", "https://wiki.example.com/runbooks/policy"));
        JsonNode sent = type.displayPayload(KEY, rendered.payload());

        assertThat(rendered.kind()).isEqualTo(MessageKind.CHANGE);
        assertThat(rendered.priority()).isEqualTo(3);
        assertThat(fieldNames(sent)).containsExactly("routing_key", "payload", "links");
        assertThat(fieldNames(sent.get("payload"))).containsExactly("summary", "timestamp", "source", "custom_details");
        assertThat(sent.at("/payload/summary").stringValue())
                .isEqualTo("Policy changed: Data Protection Policy by alice@acme.example");
        assertThat(sent.at("/payload/timestamp").stringValue()).isEqualTo("2026-12-06T18:47:33.315Z");
        assertThat(sent.at("/payload/source").stringValue()).isEqualTo("ascend-governance");
        assertThat(sent.at("/payload/custom_details/event_type").stringValue()).isEqualTo("policy.changed");
        assertThat(sent.at("/payload/custom_details/policy_name").stringValue()).isEqualTo("Data Protection Policy");
        assertThat(sent.at("/payload/custom_details/user").stringValue()).isEqualTo("alice@acme.example");
        assertThat(sent.at("/payload/custom_details/organization").stringValue()).isEqualTo("Acme Corp");
        assertThat(sent.at("/payload/custom_details/details/version").asInt()).isEqualTo(7);
        assertThat(sent.at("/links/0/href").stringValue()).isEqualTo("https://pilot.owkai.app/#/events/evt_01CHANGE");
        assertThat(sent.at("/links/0/text").stringValue()).isEqualTo("View change in Ascend");
        assertThat(sent.at("/links/1/href").stringValue()).isEqualTo("https://wiki.example.com/runbooks/policy");
        assertThat(rendered.payload().has("routing_key")).isFalse(); // the key is added only when sent
    }

    @Test
    void agentChangesNameTheAgent() {
        JsonNode deployed = render(change(EventType.AGENT_DEPLOYED, null), Map.of()).payload();
        JsonNode widened = render(change(EventType.AGENT_PERMISSIONS_CHANGED, null), Map.of()).payload();

        assertThat(deployed.at("/payload/summary").stringValue())
                .isEqualTo("Agent deployed: customer-service-agent by alice@acme.example");
        assertThat(widened.at("/payload/summary").stringValue())
                .isEqualTo("Agent permissions widened: customer-service-agent by alice@acme.example");
        assertThat(deployed.get("links")).hasSize(1);
    }

    @Test
    void aLongSummaryIsCutTo1024CodePointsNeverSplittingAnEmoji() {
        String summary = "a😀".repeat(700); // 1,400 code points
        String sent = render(change(EventType.POLICY_CHANGED, summary), Map.of()).payload().at("/payload/summary")
                .stringValue();

        assertThat(sent.codePointCount(0, sent.length())).isEqualTo(1024);
        assertThat(sent).endsWith("…").startsWith("a😀a😀");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
