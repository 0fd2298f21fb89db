package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * While PagerDuty answers 5xx a delivery is retried with backoff until its maximum age (24 h by default),
 * then it is {@code dead}, visibly. Time is moved by hand, and PagerDuty is this class's own simulator,
 * down for the whole class, so the shared one stays healthy for every other test.
 */
@Import(MutableClockConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadAfterMaxAgeIT extends ApiTest {
    private static final PagerDutySimulator DOWN = PagerDutySimulator.builder().port(0).start();

    static {
        DOWN.setOutage(true);
    }

    @DynamicPropertySource
    static void pagerDutyIsDown(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, DOWN::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        DOWN.close();
    }

    @Autowired
    private MutableClock clock;

    @Autowired
    private DeliveryDispatcher dispatcher;

    @Test
    void aTriggerStillFailingAfter24HoursIsDead() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));
        JsonNode waiting = awaitAttempts(org, event, 1);
        assertThat(waiting.get("status").stringValue()).isEqualTo("pending");
        assertThat(waiting.get("attempts").get(0).get("http_status").asInt()).isEqualTo(503);
        assertThat(Instant.parse(waiting.get("next_attempt_at").stringValue())).isAfter(clock.instant());

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        dispatcher.wake();

        JsonNode dead = awaitAttempts(org, event, 2);
        assertThat(dead.get("status").stringValue()).isEqualTo("dead");
        assertThat(dead.get("attempts")).extracting(a -> a.get("http_status").asInt()).containsExactly(503, 503);
        assertThat(dead.get("next_attempt_at").isNull()).isTrue();
        assertThat(dead.get("finished_at").isNull()).isFalse();
        assertThat(DOWN.requests().stream().filter(r -> routingKey.equals(r.routingKey()))).hasSize(2);
        assertThat(inbox(routingKey).requests()).isEmpty();
    }

    @Test
    void beforeTheMaximumAgeItKeepsBeingRetriedWithGrowingDelays() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));
        awaitAttempts(org, event, 1);

        for (int attempt = 2; attempt <= 4; attempt++) {
            clock.advance(Duration.ofHours(1));
            dispatcher.wake();
            awaitAttempts(org, event, attempt);
        }

        JsonNode retried = org.deliveryOf(event);
        assertThat(retried.get("status").stringValue()).isEqualTo("pending");
        Duration nextDelay = Duration.between(clock.instant(), Instant.parse(retried.get("next_attempt_at").stringValue()));
        assertThat(nextDelay).as("the 4th retry waits 4 to 8 s (1 s doubling, equal jitter)")
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aDeadDeliveryRetriedByHandIsTriedAgainWithAFreshMaximumAge() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));
        awaitAttempts(org, event, 1);
        clock.advance(Duration.ofHours(25));
        dispatcher.wake();
        String delivery = awaitAttempts(org, event, 2).get("id").stringValue();
        assertThat(org.deliveryOf(event).get("status").stringValue()).isEqualTo("dead");

        ApiResponse retried = org.admin().post("/api/notifications/deliveries/" + delivery + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        JsonNode again = awaitAttempts(org, event, 3);
        assertThat(again.get("status").stringValue()).isEqualTo("pending");
    }

    private static JsonNode awaitAttempts(Pipeline org, String event, int attempts) {
        eventually().untilAsserted(() -> {
            JsonNode delivery = org.deliveryOf(event);
            assertThat(delivery.get("attempts")).hasSize(attempts);
            assertThat(delivery.get("status").stringValue()).isNotEqualTo("in_flight");
        });
        return org.deliveryOf(event);
    }
}
