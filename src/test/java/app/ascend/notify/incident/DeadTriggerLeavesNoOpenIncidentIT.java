package app.ascend.notify.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ascend.notify.delivery.DeliveryDispatcher;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A trigger that died (PagerDuty unreachable until the maximum age) opened nothing at PagerDuty: its
 * incident is {@code not_opened} and says so. PagerDuty is this class's own simulator, down for the
 * whole class; time is moved by hand.
 */
@Import(MutableClockConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadTriggerLeavesNoOpenIncidentIT extends ApiTest {
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
    void aDeadTriggersIncidentIsNotOpenAndSaysWhy() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String action = Events.newActionId();
        String event = org.postEvent(Events.trigger("action.blocked", action, 95));
        eventually().until(() -> org.deliveryOf(event).get("attempts").size() == 1);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        dispatcher.wake();
        eventually().until(() -> "dead".equals(org.deliveryOf(event).get("status").stringValue()));

        String reason = "the trigger died after 24 h of retries (last answer: HTTP 503)";
        eventually().untilAsserted(() -> {
            ApiResponse open = org.admin().get("/api/incidents");
            assertThat(open.status()).as(open.body()).isEqualTo(200);
            assertThat(open.body()).doesNotContain("ascend-" + action);
        });
        ApiResponse notOpened = org.admin().get("/api/incidents?status=not_opened");
        assertThat(notOpened.status()).as(notOpened.body()).isEqualTo(200);
        JsonNode incident = notOpened.json().get("items").get(0);
        assertThat(incident.get("dedup_key").stringValue()).isEqualTo("ascend-" + action);
        assertThat(incident.get("reason").stringValue()).isEqualTo(reason);
        assertThat(org.explain(event).get("decisions").get(0).get("incident").get("reason").stringValue())
                .isEqualTo(reason);
    }
}
