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
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A 429 without Retry-After waits 30 s, and each further 429 in a row longer (doubling, at most
 * 5 min): PagerDuty asks for "a backoff of a few minutes" ([D1]), and a flat 30 s keeps a throttled key
 * throttled. The streak is read from the delivery's stored attempts, so a restart keeps it. Time is
 * moved by hand; PagerDuty is this class's own simulator.
 */
@Import(MutableClockConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RepeatedRateLimitBacksOffIT extends ApiTest {
    private static final PagerDutySimulator THROTTLING = PagerDutySimulator.builder().port(0).start();

    @DynamicPropertySource
    static void ownPagerDuty(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, THROTTLING::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        THROTTLING.close();
    }

    @Autowired
    private MutableClock clock;

    @Autowired
    private DeliveryDispatcher dispatcher;

    @Test
    void theSecond429InARowIsRetriedLaterThanTheFirst() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        THROTTLING.failNext(3, 429);
        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));

        Duration first = delayAfter(org, event, 1);
        clock.advance(first.plusSeconds(1));
        dispatcher.wake();
        Duration second = delayAfter(org, event, 2);
        clock.advance(second.plusSeconds(1));
        dispatcher.wake();
        Duration third = delayAfter(org, event, 3);

        assertThat(first).isEqualTo(Duration.ofSeconds(30));
        assertThat(second).isEqualTo(Duration.ofSeconds(60));
        assertThat(third).isEqualTo(Duration.ofSeconds(120));

        clock.advance(third.plusSeconds(1));
        dispatcher.wake();
        eventually().until(() -> org.deliveryOf(event).get("status").stringValue().equals("delivered"));
    }

    /** Waits for the delivery's {@code attempts}-th answer and returns how long it waits for the next. */
    private Duration delayAfter(Pipeline org, String event, int attempts) {
        eventually().untilAsserted(() -> {
            JsonNode delivery = org.deliveryOf(event);
            assertThat(delivery.get("attempts")).hasSize(attempts);
            assertThat(delivery.get("status").stringValue()).isEqualTo("pending");
        });
        JsonNode delivery = org.deliveryOf(event);
        assertThat(delivery.get("attempts").get(attempts - 1).get("http_status").asInt()).isEqualTo(429);
        return Duration.between(clock.instant(), Instant.parse(delivery.get("next_attempt_at").stringValue()));
    }
}
