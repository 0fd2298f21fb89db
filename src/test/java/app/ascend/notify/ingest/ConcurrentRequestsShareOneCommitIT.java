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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Group commit across requests: requests of two organizations posted together are stored by fewer
 * commits than requests (the writer waits up to 300 ms here for the others, so the grouping does not
 * depend on the machine's speed), and each request still gets its own answer: its own events, a sender
 * id repeated across the requests stored once, every trigger paged once.
 */
@TestPropertySource(properties = "ascend.ingest.group-wait=300ms")
class ConcurrentRequestsShareOneCommitIT extends ApiTest {
    @Autowired
    MeterRegistry registry;

    @Test
    void requestsPostedTogetherAreCommittedTogetherAndEachAnsweredAsItsOwn() throws Exception {
        Pipeline first = newPipeline();
        Pipeline second = newPipeline();
        String firstKey = newRoutingKey();
        String secondKey = newRoutingKey();
        first.createChannel(PipelineChannels.pagerDuty(firstKey));
        second.createChannel(PipelineChannels.pagerDuty(secondKey));
        String repeated = Events.newActionId();
        List<Pipeline> senders = new ArrayList<>();
        List<ObjectNode> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Pipeline org = i % 2 == 0 ? first : second;
            senders.add(org);
            bodies.add(Events.trigger("action.blocked", Events.newActionId(), 91));
        }
        // The same sender id from the first organization, twice among the others.
        senders.add(first);
        bodies.add(Events.trigger("action.blocked", repeated, 91).put("id", "engine-" + repeated));
        senders.add(first);
        bodies.add(Events.trigger("action.blocked", repeated, 91).put("id", "engine-" + repeated));
        DistributionSummary commits = registry.get("ascend.ingest.commit.requests").summary();
        long commitsBefore = commits.count();
        double requestsBefore = commits.totalAmount();

        List<ApiResponse> answers = postTogether(senders, bodies);

        for (int i = 0; i < answers.size(); i++) {
            ApiResponse answer = answers.get(i);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        }
        for (int i = 0; i < 8; i++) {
            String action = bodies.get(i).get("action_id").stringValue();
            JsonNode stored = senders.get(i).eventsOfAction(action).get(0);
            assertThat(answers.get(i).json().get("events").get(0).get("id")).isEqualTo(stored.get("id"));
        }
        assertThat(List.of(answers.get(8), answers.get(9)))
                .extracting(a -> a.json().get("events").get(0).get("duplicate").booleanValue())
                .containsExactlyInAnyOrder(false, true);
        assertThat(first.eventsOfAction(repeated)).hasSize(1);
        assertThat(commits.totalAmount() - requestsBefore).isEqualTo(10.0);
        assertThat(commits.count() - commitsBefore).as("commits for 10 requests posted together").isLessThan(10);
        eventually().until(() -> inbox(firstKey).accepted().size() == 5 && inbox(secondKey).accepted().size() == 4);
        assertThat(inbox(firstKey).accepted("ascend-" + repeated)).hasSize(1);
    }

    private static List<ApiResponse> postTogether(List<Pipeline> senders, List<ObjectNode> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < senders.size(); i++) {
                Pipeline org = senders.get(i);
                ObjectNode body = bodies.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return org.post(body);
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
