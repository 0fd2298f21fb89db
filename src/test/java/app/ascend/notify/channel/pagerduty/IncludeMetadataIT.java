package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page's "Ensure include_metadata is enabled": with it (the default) custom_details carry the page's
 * eight keys plus the event's details; with {@code include_metadata: false} only {@code action_id} and
 * {@code risk_level}.
 */
class IncludeMetadataIT extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withoutMetadataCustomDetailsAreOnlyActionIdAndRiskLevel() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        ObjectNode channel = PipelineChannels.pagerDuty(routingKey);
        ((ObjectNode) channel.get("config")).put("include_metadata", false);
        org.createChannel(channel);
        String action = Events.newActionId();

        org.postEvent(pageExampleWithDetails(action));

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == 1);
        assertThat(pagerDuty.only("ascend-" + action).get("payload").get("custom_details"))
                .isEqualTo(JSON.readTree("{\"action_id\": \"%s\", \"risk_level\": \"critical\"}".formatted(action)));
    }

    @Test
    void byDefaultCustomDetailsCarryThePageKeysAndTheEventsDetails() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();

        org.postEvent(pageExampleWithDetails(action));

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == 1);
        JsonNode details = pagerDuty.only("ascend-" + action).get("payload").get("custom_details");
        assertThat(details.get("organization").stringValue()).isEqualTo(org.organizationName());
        assertThat(details.get("policy_name").stringValue()).isEqualTo("Data Protection Policy");
        assertThat(details.get("details")).isEqualTo(JSON.readTree("{\"query\": \"select * from cards\", \"rows\": 1200}"));
    }

    private static ObjectNode pageExampleWithDetails(String action) {
        ObjectNode event = Events.pageExample(action);
        event.set("details", JSON.readTree("{\"query\": \"select * from cards\", \"rows\": 1200}"));
        return event;
    }
}
