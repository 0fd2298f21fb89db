package app.ascend.notify.maintenance;

import static app.ascend.notify.maintenance.MaintenanceKit.WINDOWS;
import static app.ascend.notify.maintenance.MaintenanceKit.dedupKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiTest;

/**
 * A release run walks every action held by ended notify_after windows, page by page: actions that
 * another window still mutes wait, and do not stop the ones behind them from going out. Pages of 3
 * (and the schedule pushed out of the way) so a handful of actions spans several pages.
 */
@TestPropertySource(properties = {"ascend.maintenance.release-page-size=3", "ascend.maintenance.release-interval=1h"})
@DirtiesContext
class NotifyAfterReleasesPastStillMutedKeysIT extends ApiTest {
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @Autowired
    private NotifyAfterJob job;

    @Test
    void actionsStillMutedByAnotherWindowDoNotHoldBackTheRest() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        String upgrade = kit.activeWindow("Upgrade", "notify_after", true).get("id").stringValue();
        kit.activeWindow("Blocked actions muted all day", "events", List.of("action.blocked"));
        // Held keys are walked in (organization, channel, dedup key) order: the still-muted ones come first.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> stillMuted = IntStream.range(0, 5).mapToObj(i -> "act-0-" + run + "-" + i).toList();
        List<String> releasable = IntStream.range(0, 4).mapToObj(i -> "act-1-" + run + "-" + i).toList();
        stillMuted.forEach(action -> kit.event("action.blocked", action));
        releasable.forEach(action -> kit.event("anomaly.detected", action));

        kit.admin().post(WINDOWS + "/" + upgrade + "/end", Map.of());
        int released = job.releaseEnded();

        assertThat(released).isEqualTo(releasable.size());
        await().atMost(DELIVERED).until(() -> releasable.stream()
                .allMatch(a -> PAGERDUTY.openIncident(routingKey, dedupKey(a)).isPresent()));
        stillMuted.forEach(a -> assertThat(PAGERDUTY.eventsFor(dedupKey(a))).as(a).isEmpty());
        assertThat(job.releaseEnded()).as("the still-muted actions keep waiting").isZero();
    }
}
