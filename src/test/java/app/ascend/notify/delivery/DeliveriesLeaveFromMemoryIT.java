package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A trigger that heads its sequence leaves from memory: the ingest that committed it hands it to the
 * dispatcher, which sends it with no claim query ({@code ascend_deliveries_handed_over_total} counts
 * it), once. Its approval, posted at once after it, still reaches PagerDuty after the trigger, whether it
 * was handed over (the trigger was done) or waited for a claim behind it.
 */
class DeliveriesLeaveFromMemoryIT extends ApiTest {
    @Autowired
    MeterRegistry registry;

    @Test
    void aTriggerIsSentStraightFromTheCommitOnceAndItsResolveFollowsIt() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        Counter handedOver = registry.get("ascend.deliveries.handed.over").counter();
        double before = handedOver.count();

        String eventId = org.postEvent(Events.trigger("action.blocked", action, 91));

        eventually().until(() -> inbox(routingKey).accepted("ascend-" + action).size() == 1);
        assertThat(handedOver.count() - before).isEqualTo(1.0);
        JsonNode delivery = org.deliveryOf(eventId);
        eventually().until(() -> "delivered".equals(org.deliveryOf(eventId).get("status").stringValue()));
        assertThat(org.deliveryOf(eventId).get("attempt_count").asInt()).as(delivery.toString()).isEqualTo(1);

        org.postEvent(Events.approval(action));

        eventually().until(() -> inbox(routingKey).accepted("ascend-" + action).size() == 2);
        List<JsonNode> sent = inbox(routingKey).accepted("ascend-" + action);
        assertThat(sent).extracting(e -> e.get("event_action").stringValue()).containsExactly("trigger", "resolve");
    }
}
