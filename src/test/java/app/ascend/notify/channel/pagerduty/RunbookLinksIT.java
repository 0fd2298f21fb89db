package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's "Link Runbooks" channel: a trigger of a type with a runbook carries it as a second link
 * {@code {"href": <url>, "text": "Runbook"}} after "View in Ascend"; other types carry only their view link.
 */
class RunbookLinksIT extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachConfiguredTypeGetsItsRunbookAndOtherTypesNone() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.page(PageBodies.RUNBOOKS_CHANNEL, "your-key", routingKey));
        String blocked = Events.newActionId();
        String violation = Events.newActionId();
        String anomaly = Events.newActionId();

        org.postBatch(Events.batch(
                Events.trigger("action.blocked", blocked, 80),
                Events.trigger("policy.violation", violation, 80),
                Events.trigger("anomaly.detected", anomaly, 80)));

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == 3);
        assertThat(pagerDuty.only("ascend-" + blocked).get("links")).isEqualTo(JSON.readTree("""
                [{"href": "https://pilot.owkai.app/actions/%s", "text": "View in Ascend"},
                 {"href": "https://wiki.company.com/runbooks/blocked-action", "text": "Runbook"}]
                """.formatted(blocked)));
        assertThat(pagerDuty.only("ascend-" + violation).get("links")).isEqualTo(JSON.readTree("""
                [{"href": "https://pilot.owkai.app/actions/%s", "text": "View in Ascend"},
                 {"href": "https://wiki.company.com/runbooks/policy-violation", "text": "Runbook"}]
                """.formatted(violation)));
        assertThat(pagerDuty.only("ascend-" + anomaly).get("links")).isEqualTo(JSON.readTree("""
                [{"href": "https://pilot.owkai.app/actions/%s", "text": "View in Ascend"}]
                """.formatted(anomaly)));
    }

    @Test
    void theResolveOfARunbookTypeCarriesNoLinks() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.page(PageBodies.RUNBOOKS_CHANNEL, "your-key", routingKey));
        String blocked = Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", blocked, 80));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == 1);

        org.postEvent(Events.approval(blocked));

        eventually().until(() -> pagerDuty.accepted().size() == 2);
        JsonNode resolve = pagerDuty.accepted("ascend-" + blocked).get(1);
        assertThat(resolve.get("event_action").stringValue()).isEqualTo("resolve");
        assertThat(resolve.has("links")).isFalse();
    }
}
