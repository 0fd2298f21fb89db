package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.node.ArrayNode;

/**
 * 5,000 events queued for one routing key at PagerDuty's 120 a minute ([D5]) do not hold up the events of
 * other keys: the key's waiting deliveries are put back together once its budget is spent, not claimed,
 * checked and put back one by one on every pass. The service's clock stands still, so the throttled key's
 * budget never frees during the test and the other keys' deliveries can only get through beside it.
 */
@Import(MutableClockConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ThrottledKeyDoesNotDelayOtherKeysIT extends ApiTest {
    private static final int THROTTLED = 5000;
    private static final int BATCH = 500;
    private static final int PER_MINUTE = 120;
    private static final int OTHER_KEYS = 3;
    private static final int PER_OTHER_KEY = 30;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void otherKeysAreDeliveredWhileOneKeyWaitsForItsBudget() {
        Pipeline busy = newPipeline();
        String throttledKey = newRoutingKey();
        busy.createChannel(PipelineChannels.pagerDuty(throttledKey));
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int from = 0; from < THROTTLED; from += BATCH) {
            ArrayNode batch = Events.array();
            for (int i = from; i < from + BATCH; i++) {
                batch.add(Events.trigger("action.blocked", "act_busy_" + run + "_" + i, 95));
            }
            busy.postBatch(batch);
        }
        eventually().until(() -> inbox(throttledKey).requests().size() == PER_MINUTE);

        List<String> otherKeys = java.util.stream.IntStream.range(0, OTHER_KEYS).mapToObj(k -> newRoutingKey()).toList();
        for (String key : otherKeys) {
            Pipeline other = newPipeline();
            other.createChannel(PipelineChannels.pagerDuty(key));
            ArrayNode batch = Events.array();
            for (int i = 0; i < PER_OTHER_KEY; i++) {
                batch.add(Events.trigger("action.blocked", Events.newActionId(), 95));
            }
            other.postBatch(batch);
        }

        eventually().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            for (String key : otherKeys) {
                assertThat(inbox(key).accepted()).as("events accepted for another key").hasSize(PER_OTHER_KEY);
            }
        });
        assertThat(inbox(throttledKey).requests()).as("sends for the throttled key: its first minute's budget only")
                .hasSize(PER_MINUTE);
        assertThat(jdbc.queryForObject("select count(*) from deliveries where status = 'pending' and next_attempt_at > ?",
                Integer.class, java.sql.Timestamp.from(clock.instant()))).as("deliveries waiting for a later minute")
                .isEqualTo(THROTTLED - PER_MINUTE);
        // Each delivery claimed and put back because the budget was spent counts once. One by one, that is
        // every one of the 4,880 waiting. Put back together, it is at most one claim's worth (50) each time
        // the key's new deliveries come due: once per ingest batch here (10), so about 500.
        double putBack = MetricsIT.value(scrape(), "ascend_rate_limit_waits_total");
        assertThat(putBack).as("deliveries claimed and put back while the key's budget was spent")
                .isLessThan(THROTTLED / 5.0);
    }

    private String scrape() {
        ApiResponse scrape = anonymous().get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }
}
