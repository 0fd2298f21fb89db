package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.HecFault;
import app.ascend.notify.simulator.HecToken;
import app.ascend.notify.simulator.ReceivedHecEvent;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * What HEC's answers do to the deliveries of a batch (FACTS.md §5, §6): a bad event is refused with HEC's text while
 * every other event of its batch is delivered; a busy collector is retried until it takes them; a token HEC does not
 * know refuses every event with what to fix; an acknowledgement that comes late is waited for.
 */
class HecPartialFailuresIT extends HecApiTest {

    private static List<String> postTriggers(Pipeline pipeline, int count) {
        ArrayNode batch = Events.array();
        for (int i = 0; i < count; i++) {
            batch.add(Events.trigger("policy.violation", Events.newActionId(), 40 + i));
        }
        return pipeline.postBatch(batch);
    }

    @Test
    void aBadEventIsRefusedAndTheOthersOfItsBatchAreDelivered() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 1500));
        PAGERDUTY.hec().injectFault(collector, HecFault.badEventAt(0, 1));

        List<String> ids = postTriggers(pipeline, 8);

        eventually().until(() -> ids.stream().map(id -> status(pipeline, id)).allMatch(s -> s.equals("delivered")
                || s.equals("failed")));
        List<String> failed = ids.stream().filter(id -> status(pipeline, id).equals("failed")).toList();
        assertThat(failed).hasSize(1);
        JsonNode attempt = pipeline.deliveryOf(failed.get(0)).get("attempts").get(0);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(400);
        assertThat(attempt.get("message").stringValue()).contains("Invalid data format (code 6, HTTP 400)");
        assertThat(received(collector)).hasSize(7).extracting(e -> e.event().get("id").stringValue())
                .doesNotContain(failed.get(0));
    }

    @Test
    void aBusyCollectorIsRetriedUntilItTakesTheEvents() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 500));
        PAGERDUTY.hec().injectFault(collector, HecFault.code(9, 1));

        List<String> ids = postTriggers(pipeline, 3);

        eventually().until(() -> ids.stream().allMatch(id -> "delivered".equals(status(pipeline, id))));
        assertThat(requests(collector).get(0).status()).isEqualTo(503);
        assertThat(received(collector)).hasSize(3);
        JsonNode first = pipeline.deliveryOf(ids.get(0)).get("attempts").get(0);
        assertThat(first.get("outcome").stringValue()).isEqualTo("retry");
        assertThat(first.get("message").stringValue()).contains("Server is busy (code 9, HTTP 503)");
    }

    @Test
    void anUnknownTokenRefusesEveryEventWithWhatToFix() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        PAGERDUTY.hec().setToken(collector, "00000000-0000-0000-0000-000000000000", HecToken.ENABLED);
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 500));

        List<String> ids = postTriggers(pipeline, 2);

        eventually().until(() -> ids.stream().allMatch(id -> "failed".equals(status(pipeline, id))));
        assertThat(received(collector)).isEmpty();
        assertThat(pipeline.deliveryOf(ids.get(1)).get("attempts").get(0).get("message").stringValue())
                .contains("Invalid token (code 4, HTTP 403)").contains("config.token");
    }

    @Test
    void withAcknowledgementALateAckIsWaitedForAndTheEventsAreDeliveredOnce() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        PAGERDUTY.hec().setToken(collector, TOKEN, HecToken.withAck());
        PAGERDUTY.hec().injectFault(collector, HecFault.ackAfterPolls(3, HecFault.UNTIL_CLEARED));
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 500, "use_ack", true));

        List<String> ids = postTriggers(pipeline, 3);

        eventually().until(() -> ids.stream().allMatch(id -> "delivered".equals(status(pipeline, id))));
        assertThat(received(collector)).hasSize(3).extracting(ReceivedHecEvent::channel).doesNotContainNull();
        assertThat(pipeline.deliveryOf(ids.get(0)).get("attempts").get(0).get("message").stringValue())
                .contains("Splunk indexed");
    }
}
