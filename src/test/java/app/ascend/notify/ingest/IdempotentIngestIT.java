package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Senders retry safely: an event whose {@code id} the organization already sent creates nothing new and
 * answers {@code "duplicate": true} with the stored event's id, whether it comes in a later request or
 * later in the same batch. PagerDuty gets one trigger.
 */
class IdempotentIngestIT extends ApiTest {

    @Test
    void theSameIdPostedTwiceIsStoredAndPagedOnce() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        ObjectNode event = Events.trigger("action.blocked", action, 91).put("id", "engine-" + action);

        ApiResponse first = org.post(event);
        ApiResponse second = org.post(event);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        JsonNode stored = first.json().get("events").get(0);
        assertThat(stored.get("duplicate").booleanValue()).isFalse();
        assertThat(second.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(second.json().get("events").get(0).get("duplicate").booleanValue()).isTrue();
        assertThat(second.json().get("events").get(0).get("id")).isEqualTo(stored.get("id"));
        assertThat(org.eventsOfAction(action)).hasSize(1);
        assertThat(org.eventsOfAction(action).get(0).get("source_id").stringValue()).isEqualTo("engine-" + action);
        eventually().until(() -> inbox(routingKey).accepted().size() == 1);
        assertThat(org.deliveriesOf(stored.get("id").stringValue())).hasSize(1);
        assertThat(inbox(routingKey).accepted("ascend-" + action)).hasSize(1);
    }

    @Test
    void aRepeatedIdWithinOneBatchIsADuplicateOfTheFirst() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String other = Events.newActionId();

        ApiResponse answer = org.post(Events.batch(
                Events.trigger("action.blocked", action, 91).put("id", "engine-1"),
                Events.trigger("action.blocked", other, 91).put("id", "engine-2"),
                Events.trigger("action.blocked", action, 91).put("id", "engine-1")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode events = answer.json().get("events");
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(events).extracting(e -> e.get("duplicate").booleanValue()).containsExactly(false, false, true);
        assertThat(events.get(2).get("id")).isEqualTo(events.get(0).get("id"));
        assertThat(events.get(1).get("id")).isNotEqualTo(events.get(0).get("id"));
        assertThat(org.eventsOfAction(action)).hasSize(1);
        eventually().until(() -> inbox(routingKey).accepted().size() == 2);
        assertThat(inbox(routingKey).accepted("ascend-" + action)).hasSize(1);
    }

    @Test
    void concurrentRetriesOfTheSameIdStoreOneEvent() throws Exception {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        ObjectNode event = Events.trigger("action.blocked", action, 91).put("id", "engine-" + action);
        int senders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return org.post(event);
                }));
            }
            start.countDown();
            List<JsonNode> stored = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                stored.add(response.json().get("events").get(0));
            }

            assertThat(stored).extracting(e -> e.get("duplicate").booleanValue()).containsOnlyOnce(false);
            assertThat(stored).extracting(e -> e.get("id").stringValue()).containsOnly(stored.get(0).get("id").stringValue());
        } finally {
            pool.shutdownNow();
        }
        assertThat(org.eventsOfAction(action)).hasSize(1);
        eventually().until(() -> inbox(routingKey).accepted().size() == 1);
        assertThat(org.deliveriesOf(org.eventsOfAction(action).get(0).get("id").stringValue())).hasSize(1);
    }

    @Test
    void anotherOrganizationsIdIsNotADuplicate() {
        Pipeline first = newPipeline();
        Pipeline second = newPipeline();
        ObjectNode event = Events.trigger("action.blocked", Events.newActionId(), 91).put("id", "engine-shared");

        ApiResponse one = first.post(event);
        ApiResponse two = second.post(event);

        assertThat(one.json().get("events").get(0).get("duplicate").booleanValue()).isFalse();
        assertThat(two.json().get("events").get(0).get("duplicate").booleanValue()).isFalse();
        assertThat(two.json().get("events").get(0).get("id")).isNotEqualTo(one.json().get("events").get(0).get("id"));
    }
}
