package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A PagerDuty (or proxy) that sends the headers of its answer and then stalls the body must not hold a
 * worker: the whole exchange is bounded ({@code ascend.pagerduty.timeout}, 2 s here), the attempt is a
 * retryable timeout, and the retry goes out. PagerDuty is this class's own simulator, stalling once.
 */
@TestPropertySource(properties = "ascend.pagerduty.timeout=2s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StalledPagerDutyBodyIT extends ApiTest {
    private static final PagerDutySimulator STALLING = PagerDutySimulator.builder().port(0).start();

    @DynamicPropertySource
    static void ownPagerDuty(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, STALLING::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        STALLING.close();
    }

    @Test
    void aStalledAnswerIsATimeoutAndTheRetryIsDelivered() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        STALLING.stallBodyNext(1);

        String event = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));

        eventually().untilAsserted(() -> assertThat(org.deliveryOf(event).get("status").stringValue()).isEqualTo("delivered"));
        JsonNode delivery = org.deliveryOf(event);
        assertThat(delivery.get("attempts")).hasSize(2);
        JsonNode stalled = delivery.get("attempts").get(0);
        assertThat(stalled.path("http_status").isNumber()).isFalse();
        assertThat(stalled.get("message").stringValue()).startsWith("no complete answer from PagerDuty within 2");
        assertThat(delivery.get("attempts").get(1).get("http_status").asInt()).isEqualTo(202);
    }
}
