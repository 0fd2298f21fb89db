package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * Readiness goes DOWN while the dispatcher runs but cannot make progress: here its only worker is held
 * by a send whose answer stalls mid-body, and the clock is moved past a minute; it comes back UP once
 * the send ends. PagerDuty is this class's own simulator; the exchange bound is long (60 s) so the
 * stall outlasts the test's clock move.
 */
@Import(MutableClockConfig.class)
@TestPropertySource(properties = { "ascend.delivery.workers=1", "ascend.pagerduty.timeout=60s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadinessFollowsDispatcherProgressIT extends ApiTest {
    private static final PagerDutySimulator STALLING = PagerDutySimulator.builder().port(0).start();

    @DynamicPropertySource
    static void ownPagerDuty(DynamicPropertyRegistry registry) {
        registry.add(OWN_PAGERDUTY_URL, STALLING::baseUrl);
    }

    @AfterAll
    static void stopPagerDuty() {
        STALLING.close();
    }

    @Autowired
    private MutableClock clock;

    @Autowired
    private DispatcherHealthIndicator dispatcherHealth;

    @Test
    void everyWorkerHeldByAStalledSendIsNotReadyUntilItEnds() {
        Pipeline org = newPipeline();
        org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        STALLING.stallBodyNext(1);
        org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95));
        eventually().until(() -> STALLING.requests().size() == 1);
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(61));

        eventually().untilAsserted(() -> {
            assertThat(dispatcherHealth.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(dispatcherHealth.health().getDetails().get("dispatcher").toString())
                    .contains("all 1 workers are held by sends running over 60 s");
        });
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);

        STALLING.clearFaults();

        eventually().until(() -> anonymous().get("/actuator/health/readiness").status() == 200);
    }
}
