package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The webhook body: Standard Webhooks' type/timestamp/data, every field of the event, the size bound. */
class WebhookPayloadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TYPE = Pattern.compile("[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_]+)*");
    static final ChannelRef CHANNEL = new ChannelRef("chan_01JEXAMPLE", "SOC webhook", "org_01JEXAMPLE", null);
    private final WebhookPayload payloads = new WebhookPayload("https://pilot.owkai.app/");

    static GovernanceEvent event(EventType type, String id) {
        ObjectNode details = JSON.createObjectNode().put("tool", "s3.delete_bucket").put("attempts", 3);
        return new GovernanceEvent(id, "org_01JEXAMPLE", type, Instant.parse("2026-12-06T04:12:09.512Z"), "act_xyz789",
                "agent-finance-01", "data_export", "s3://acme-finance/q4", type.action() == EventType.Action.TRIGGER ? 92 : null,
                null, type.action() == EventType.Action.TRIGGER ? "no-bulk-export" : null, "jane@acme.example", "203.0.113.7",
                type.action() == EventType.Action.TRIGGER ? "Agent agent-finance-01 tried to export s3://acme-finance/q4" : null,
                null, type.action() == EventType.Action.TRIGGER ? details : null);
    }

    @Test
    void aTriggerCarriesTheWholeEvent() {
        ObjectNode payload = payloads.event(CHANNEL, event(EventType.ACTION_BLOCKED, "evt_01"), "Acme Corp");

        assertThat(payload.get("type").stringValue()).isEqualTo("ascend.action.blocked").matches(TYPE);
        assertThat(payload.get("timestamp").stringValue()).isEqualTo("2026-12-06T04:12:09.512Z");
        JsonNode data = payload.get("data");
        assertThat(data.get("id").stringValue()).isEqualTo("evt_01");
        assertThat(data.get("event_type").stringValue()).isEqualTo("action.blocked");
        assertThat(data.get("action").stringValue()).isEqualTo("trigger");
        assertThat(data.get("dedup_key").stringValue()).isEqualTo("ascend-act_xyz789");
        assertThat(data.get("organization").get("name").stringValue()).isEqualTo("Acme Corp");
        assertThat(data.get("channel").get("id").stringValue()).isEqualTo("chan_01JEXAMPLE");
        assertThat(data.get("risk_score").intValue()).isEqualTo(92);
        assertThat(data.get("risk_level").stringValue()).isEqualTo("critical");
        assertThat(data.get("policy_name").stringValue()).isEqualTo("no-bulk-export");
        assertThat(data.get("details").get("tool").stringValue()).isEqualTo("s3.delete_bucket");
        assertThat(data.get("links").get(0).get("href").stringValue()).isEqualTo("https://pilot.owkai.app/actions/act_xyz789");
        assertThat(data.get("truncated")).isEmpty();
    }

    @Test
    void everyEventTypeHasAHierarchicalTypeAndItsAction() {
        for (EventType type : EventType.values()) {
            ObjectNode payload = payloads.event(CHANNEL, event(type, "evt_" + type.ordinal()), "Acme Corp");
            assertThat(payload.get("type").stringValue()).isEqualTo("ascend." + type.wireName()).matches(TYPE);
            assertThat(payload.get("data").get("action").stringValue()).isEqualTo(type.action().name().toLowerCase());
        }
    }

    @Test
    void followUpsAreMostUrgentAndTriggersWaitByRisk() {
        WebhookChannelType type = WebhookTypes.withPolicy("");
        assertThat(type.render(CHANNEL, event(EventType.ACTION_RESOLVED, "e"), "A").priority()).isZero();
        assertThat(type.render(CHANNEL, event(EventType.ACTION_RESOLVED, "e"), "A").kind()).isEqualTo(MessageKind.RESOLVE);
        assertThat(type.render(CHANNEL, event(EventType.ACTION_ACKNOWLEDGED, "e"), "A").kind()).isEqualTo(MessageKind.ACKNOWLEDGE);
        assertThat(type.render(CHANNEL, event(EventType.ACTION_BLOCKED, "e"), "A").priority()).isZero(); // score 92: critical
        GovernanceEvent low = new GovernanceEvent("e", "o", EventType.AUTH_FAILED, Instant.EPOCH, null, null, null, null, 10,
                null, null, null, null, null, null, null);
        assertThat(type.render(CHANNEL, low, "A").priority()).isEqualTo(3);
    }

    @Test
    void aTestAlertIsAscendTestAndItsResolve() {
        ObjectNode test = payloads.test(CHANNEL, "Test alert from ASCEND", "ascend-test-1", "Acme", MessageKind.TEST,
                Instant.parse("2026-12-06T05:00:00Z"));
        assertThat(test.get("type").stringValue()).isEqualTo("ascend.test");
        assertThat(test.get("data").get("action").stringValue()).isEqualTo("trigger");
        ObjectNode resolve = payloads.test(CHANNEL, "Test alert from ASCEND", "ascend-test-1", "Acme", MessageKind.RESOLVE,
                Instant.parse("2026-12-06T05:00:00Z"));
        assertThat(resolve.get("type").stringValue()).isEqualTo("ascend.test.resolved").matches(TYPE);
        assertThat(resolve.get("data").get("action").stringValue()).isEqualTo("resolve");
        assertThat(fieldNames(test.get("data"))).isEqualTo(fieldNames(
                payloads.event(CHANNEL, event(EventType.ACTION_BLOCKED, "e"), "A").get("data")));
    }

    @Test
    void aHugeEventIsCutBelow20KilobytesByCodePointsAndSaysSo() {
        ObjectNode details = JSON.createObjectNode();
        for (int i = 0; i < 500; i++) {
            details.put("key" + i, "😀".repeat(40) + "\u0001");
        }
        GovernanceEvent huge = new GovernanceEvent("evt_huge", "org", EventType.POLICY_VIOLATION, Instant.EPOCH, "act",
                null, null, "r".repeat(1000), 50, null, null, null, null, "😀".repeat(10_000), null, details);

        ObjectNode payload = payloads.event(CHANNEL, huge, "Acme");

        byte[] bytes = WebhookPayload.bytes(payload);
        assertThat(bytes.length).isLessThanOrEqualTo(WebhookPayload.MAX_BYTES);
        JsonNode data = payload.get("data");
        assertThat(JSON.convertValue(data.get("truncated"), List.class)).containsExactly("summary", "details");
        String summary = data.get("summary").stringValue();
        assertThat(summary.codePointCount(0, summary.length())).isEqualTo(WebhookPayload.SUMMARY_MAX_CODE_POINTS);
        assertThat(summary).endsWith("…");
        assertThat(data.get("details").isNull()).isTrue();
        String excerpt = data.get("details_excerpt").stringValue();
        assertThat(excerpt).startsWith("{\"key0\":\"😀").endsWith("…");
        // Never half a surrogate pair: the bytes decode back to the same text.
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
