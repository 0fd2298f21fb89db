package app.ascend.notify.testalert;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * PagerDuty counts test alerts against the routing key's 120 events a minute ([D5], FACTS.md §5), so
 * they take slots of the key's rate budget like queued sends; with no slot free the test alert is
 * answered 429 with Retry-After rather than sent (and refused by PagerDuty).
 */
class TestAlertRateBudgetIT extends ApiTest {

    @Test
    void aTestAlertForAKeyWithNoSlotFreeIsAnswered429AndNotSent() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        for (int i = 0; i < 120; i++) {
            ApiResponse sent = org.admin().post("/api/notifications/test", Map.of("channel_id", channel));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        }

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel));

        assertProblem(answer, 429);
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(answer.body()).doesNotContain(routingKey);
        assertThat(inbox(routingKey).requests()).hasSize(120);
    }
}
