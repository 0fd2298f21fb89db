package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.TestEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The page's "Resolve Event: when an action is approved or resolved", and acknowledge alike. */
class ResolveAndAcknowledgeEventTest {

    /** Copied from the product page. */
    private static final String PAGE_RESOLVE_EVENT = """
            {
            "routing_key": "your-routing-key",
            "event_action": "resolve",
            "dedup_key": "ascend-act_xyz789"
            }
            """;

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ACTION_APPROVED", "ACTION_RESOLVED"})
    void approvedOrResolvedActionSendsExactlyThePageResolveEvent(EventType type) {
        JsonNode json = Rendered.json(TestEvents.pageExample().type(type).details(
                JsonNodeFactory.instance.objectNode().put("note", "ok")).build());

        assertThat(json).isEqualTo(Rendered.JSON.readTree(PAGE_RESOLVE_EVENT));
    }

    @Test
    void resolveEventBytesAreTheThreeFieldsInThePageOrder() {
        PagerDutyEvent resolve = Rendered.MAPPER.render(
                TestEvents.pageExample().type(EventType.ACTION_APPROVED).build(), Rendered.PAGE_OPTIONS);

        assertThat(new String(Rendered.MAPPER.encode(resolve), StandardCharsets.UTF_8)).isEqualTo(
                "{\"routing_key\":\"your-routing-key\",\"event_action\":\"resolve\",\"dedup_key\":\"ascend-act_xyz789\"}");
    }

    @Test
    void acknowledgedActionSendsTheSameShapeWithAcknowledge() {
        JsonNode json = Rendered.json(TestEvents.pageExample().type(EventType.ACTION_ACKNOWLEDGED).build());

        assertThat(json).isEqualTo(Rendered.JSON.readTree(
                "{\"routing_key\":\"your-routing-key\",\"event_action\":\"acknowledge\",\"dedup_key\":\"ascend-act_xyz789\"}"));
    }

    @Test
    void followUpFindsTheTriggersAlertWhateverTheKeyIsMadeOf() {
        TestEvents withoutActionId = TestEvents.pageExample().actionId(null);
        String triggerKey = Rendered.json(withoutActionId.type(EventType.ACTION_BLOCKED).build()).get("dedup_key").asString();
        String resolveKey = Rendered.json(withoutActionId.type(EventType.ACTION_RESOLVED).build()).get("dedup_key").asString();
        String longTrigger = Rendered.json(TestEvents.pageExample().actionId("z".repeat(500)).build())
                .get("dedup_key").asString();
        String longResolve = Rendered.json(TestEvents.pageExample().actionId("z".repeat(500))
                .type(EventType.ACTION_APPROVED).build()).get("dedup_key").asString();

        assertThat(resolveKey).isEqualTo(triggerKey).isEqualTo("ascend-evt_page01");
        assertThat(longResolve).isEqualTo(longTrigger).hasSize(255);
    }
}
