package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.HecRequestRecord;
import app.ascend.notify.simulator.ReceivedHecEvent;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A Splunk HEC channel through real HTTP to the HEC stand-in: the token is masked in every answer; events posted
 * together arrive in fewer requests than events, each with its delivery id, a plain-decimal time, the channel's index
 * and sourcetype; approvals are sent too (every event, whatever the filters).
 */
class HecChannelBatchesEventsIT extends HecApiTest {

    @Test
    void theTokenIsMaskedInEveryAnswerAndKeptWhenSentBackMasked() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        JsonNode created = createHec(pipeline, collector, Map.of());
        String id = created.get("id").stringValue();

        assertThat(created.get("config").get("token").stringValue()).isEqualTo("****cdef");
        assertThat(pipeline.admin().patch(CHANNELS + "/" + id, Map.of("config", Map.of("url", PAGERDUTY.hecUrl(collector),
                "token", "****cdef", "index", "ascend"))).status()).isEqualTo(200);
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));
        eventually().until(() -> "delivered".equals(status(pipeline, eventId)));
        for (String body : List.of(pipeline.admin().get(CHANNELS).body(), pipeline.admin().get(CHANNELS + "/" + id).body(),
                pipeline.admin().get("/api/notifications/deliveries?channel_id=" + id).body(),
                pipeline.explain(eventId).toString())) {
            assertThat(body).doesNotContain(TOKEN);
        }
    }

    @Test
    void eventsPostedTogetherAreSentInFewerRequestsEachWithItsDeliveryId() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 1500));
        ArrayNode batch = Events.array();
        for (int i = 0; i < 20; i++) {
            batch.add(Events.trigger("policy.violation", Events.newActionId(), 40 + i));
        }

        List<String> ids = pipeline.postBatch(batch);

        eventually().until(() -> ids.stream().allMatch(id -> "delivered".equals(status(pipeline, id))));
        List<ReceivedHecEvent> got = received(collector);
        assertThat(got).hasSize(20);
        assertThat(requests(collector)).hasSizeLessThan(20).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(requests(collector).stream().mapToInt(HecRequestRecord::eventsTaken).max().orElse(0))
                .isGreaterThan(1);
        assertThat(got).extracting(ReceivedHecEvent::deliveryId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(got).extracting(e -> e.event().get("id").stringValue()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(got).allSatisfy(e -> {
            assertThat(e.timeText()).matches("\\d{10}\\.\\d{3}");
            assertThat(e.envelope().get("index").stringValue()).isEqualTo("ascend");
            assertThat(e.envelope().get("sourcetype").stringValue()).isEqualTo("ascend:notify:event");
            assertThat(e.event().get("delivery_id").stringValue()).isEqualTo(e.deliveryId());
        });
        JsonNode delivery = pipeline.deliveryOf(ids.get(0));
        assertThat(delivery.get("attempts").get(0).get("http_status").asInt()).isEqualTo(200);
    }

    @Test
    void approvalsAndResolutionsAreSentAsTheirOwnEvents() {
        Pipeline pipeline = newPipeline();
        String collector = newCollector();
        createHec(pipeline, collector, Map.of("batch_max_wait_ms", 0));
        String action = Events.newActionId();

        pipeline.postEvent(Events.trigger("action.blocked", action, 95));
        pipeline.postEvent(Events.approval(action));

        eventually().until(() -> received(collector).size() == 2);
        assertThat(received(collector)).extracting(e -> e.event().get("event_type").stringValue())
                .containsExactly("action.blocked", "action.approved");
        assertThat(received(collector).get(1).event().get("dedup_key").stringValue()).isEqualTo("ascend-" + action);
    }
}
