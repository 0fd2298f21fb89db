package app.ascend.notify.maintenance;

import static app.ascend.notify.maintenance.MaintenanceKit.WINDOWS;
import static app.ascend.notify.maintenance.MaintenanceKit.dedupKey;
import static app.ascend.notify.maintenance.MaintenanceKit.newActionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * notify_after: once a window stops muting, each action it held that is still unresolved is triggered
 * once, with the latest held event's data. Most tests end the window through the API and run the job
 * directly; one leaves both to the clock and the scheduler.
 */
class NotifyAfterIT extends ApiTest {
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @Autowired
    private NotifyAfterJob job;

    @Test
    void aHeldActionIsTriggeredOnceWithTheLatestEventsDataAfterTheWindowEnds() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        String channel = kit.channel("Security", routingKey);
        String window = kit.activeWindow("Upgrade", "notify_after", true).get("id").stringValue();
        String action = newActionId();
        String first = kit.event("action.blocked", action, "summary", "first attempt", "risk_score", 70);
        String latest = kit.event("action.blocked", action, "summary", "second attempt", "risk_score", 95);
        assertThat(kit.decision(first, channel).get("outcome").stringValue()).isEqualTo("suppressed");
        assertThat(kit.decision(latest, channel).get("outcome").stringValue()).isEqualTo("suppressed");

        assertThat(job.releaseEnded()).as("nothing is released while the window runs").isZero();
        kit.admin().post(WINDOWS + "/" + window + "/end", Map.of());
        job.releaseEnded();

        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isPresent());
        assertThat(job.releaseEnded()).as("a second run finds nothing left").isZero();
        List<RecordedRequest> sent = PAGERDUTY.eventsFor(dedupKey(action));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).json().get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(sent.get(0).json().get("payload").get("summary").stringValue()).isEqualTo("second attempt");
        assertThat(kit.deliveriesOf(latest)).isEqualTo(1);
        assertThat(kit.deliveriesOf(first)).isZero();
    }

    @Test
    void anActionResolvedDuringTheWindowIsNotTriggered() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        String window = kit.activeWindow("Upgrade", "notify_after", true).get("id").stringValue();
        String resolved = newActionId();
        String approved = newActionId();
        String open = newActionId();
        kit.event("policy.violation", resolved);
        kit.event("action.resolved", resolved);
        kit.event("action.blocked", approved);
        kit.event("action.approved", approved);
        kit.event("anomaly.detected", open);

        kit.admin().post(WINDOWS + "/" + window + "/end", Map.of());
        job.releaseEnded();

        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(open)).isPresent());
        assertThat(PAGERDUTY.eventsFor(dedupKey(resolved))).isEmpty();
        assertThat(PAGERDUTY.eventsFor(dedupKey(approved))).isEmpty();
    }

    @Test
    void withoutNotifyAfterOrWithItTurnedOffNothingIsSentAfterTheWindow() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        String quiet = kit.activeWindow("Quiet", "notify_after", false).get("id").stringValue();
        String loud = kit.activeWindow("Loud", "notify_after", true, "events", List.of("anomaly.detected"))
                .get("id").stringValue();
        String changedMind = kit.activeWindow("Changed mind", "notify_after", true, "events", List.of("auth.failed"))
                .get("id").stringValue();
        String dropped = newActionId();
        String droppedLater = newActionId();
        String held = newActionId();
        kit.event("action.blocked", dropped);
        kit.event("auth.failed", droppedLater);
        kit.event("anomaly.detected", held);

        kit.admin().patch(WINDOWS + "/" + changedMind, Map.of("notify_after", false));
        List.of(quiet, loud, changedMind).forEach(id -> kit.admin().post(WINDOWS + "/" + id + "/end", Map.of()));
        job.releaseEnded();

        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(held)).isPresent());
        assertThat(PAGERDUTY.eventsFor(dedupKey(dropped))).isEmpty();
        assertThat(PAGERDUTY.eventsFor(dedupKey(droppedLater))).isEmpty();
    }

    @Test
    void aHeldActionWaitsWhileAnotherWindowStillMutesIt() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        String shortWindow = kit.activeWindow("Short", "notify_after", true).get("id").stringValue();
        String longWindow = kit.activeWindow("Long").get("id").stringValue();
        String action = newActionId();
        kit.event("action.blocked", action);

        kit.admin().post(WINDOWS + "/" + shortWindow + "/end", Map.of());
        assertThat(job.releaseEnded()).as("the long window still mutes the channel").isZero();
        kit.admin().post(WINDOWS + "/" + longWindow + "/end", Map.of());
        job.releaseEnded();

        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isPresent());
    }

    @Test
    void concurrentRunsReleaseEachActionOnce() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        String window = kit.activeWindow("Upgrade", "notify_after", true).get("id").stringValue();
        List<String> actions = List.of(newActionId(), newActionId(), newActionId(), newActionId());
        List<String> events = actions.stream().map(action -> kit.event("action.blocked", action)).toList();
        kit.admin().post(WINDOWS + "/" + window + "/end", Map.of());

        // Two runs at once, as two instances would (and the scheduler may join in): each action goes out once.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(job::releaseEnded);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(job::releaseEnded);

        assertThat(one.join() + other.join()).isLessThanOrEqualTo(actions.size());
        assertThat(job.releaseEnded()).isZero();
        await().atMost(DELIVERED).until(() -> actions.stream()
                .allMatch(a -> PAGERDUTY.openIncident(routingKey, dedupKey(a)).isPresent()));
        events.forEach(e -> assertThat(kit.deliveriesOf(e)).as("deliveries of " + e).isEqualTo(1));
        actions.forEach(a -> assertThat(PAGERDUTY.eventsFor(dedupKey(a))).hasSize(1));
    }

    @Test
    void anOccurrenceThatIsOverReleasesWhatItHeld() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        kit.channel("Security", routingKey);
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> recurrence = Map.of("weekdays", List.of(weekday(start)),
                "start_time", start.toLocalTime().toString(), "end_time", start.plusHours(1).toLocalTime().toString(),
                "time_zone", "UTC");
        String window = kit.window(Map.of("name", "Daily", "notify_after", true, "recurrence", recurrence))
                .get("id").stringValue();
        String action = newActionId();
        kit.event("action.blocked", action);

        // The work moves to the day after tomorrow: today's occurrence is over, while the window goes on.
        JsonNode moved = kit.admin().patch(WINDOWS + "/" + window, Map.of("recurrence",
                Map.of("weekdays", List.of(weekday(start.plusDays(2)))))).json();
        assertThat(moved.get("active").booleanValue()).as(moved.toString()).isFalse();
        assertThat(moved.get("ends_at").isNull()).isTrue();
        job.releaseEnded();

        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isPresent());
    }

    @Test
    void theSchedulerReleasesWithinAMinuteOfTheEndWithoutHelp() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        String channel = kit.channel("Security", routingKey);
        String endsAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS).toString();
        kit.window(Map.of("name", "Short", "ends_at", endsAt, "notify_after", true));
        String action = newActionId();

        String eventId = kit.event("action.blocked", action);

        assertThat(kit.decision(eventId, channel).get("outcome").stringValue()).isEqualTo("suppressed");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isPresent());
        assertThat(Instant.now()).isAfter(Instant.parse(endsAt));
        assertThat(PAGERDUTY.eventsFor(dedupKey(action))).hasSize(1);
    }

    private static String weekday(ZonedDateTime at) {
        return at.getDayOfWeek().name().toLowerCase(Locale.ROOT);
    }
}
