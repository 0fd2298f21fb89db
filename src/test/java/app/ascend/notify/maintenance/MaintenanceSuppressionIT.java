package app.ascend.notify.maintenance;

import static app.ascend.notify.maintenance.MaintenanceKit.WINDOWS;
import static app.ascend.notify.maintenance.MaintenanceKit.dedupKey;
import static app.ascend.notify.maintenance.MaintenanceKit.minutesFromNow;
import static app.ascend.notify.maintenance.MaintenanceKit.newActionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** While a window covers a channel and event type, its triggers are suppressed with the reason; nothing else is. */
class MaintenanceSuppressionIT extends ApiTest {
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @Test
    void aTriggerDuringAWindowIsSuppressedWithTheWindowsNameAndEndAndNeverSent() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        JsonNode window = kit.activeWindow("Firewall migration");
        String muted = newActionId();

        String eventId = kit.event("action.blocked", muted);

        JsonNode decision = kit.decision(eventId, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("suppressed");
        assertThat(decision.get("reason").stringValue())
                .isEqualTo("suppressed by maintenance window Firewall migration until " + window.get("ends_at").stringValue());
        assertThat(decision.get("deliveries").size()).isZero();
        assertThat(kit.deliveriesOf(eventId)).isZero();

        // Once the window is over, triggers go out again; by the time one has arrived, a muted one would have too.
        kit.admin().post(WINDOWS + "/" + window.get("id").stringValue() + "/end", Map.of());
        String after = newActionId();
        String afterId = kit.event("action.blocked", after);
        assertThat(kit.decision(afterId, channel).get("outcome").stringValue()).isEqualTo("queued");
        await().atMost(DELIVERED).until(() -> !PAGERDUTY.eventsFor(dedupKey(after)).isEmpty());
        assertThat(PAGERDUTY.eventsFor(dedupKey(muted))).isEmpty();
    }

    @Test
    void aResolveForAnIncidentOpenedBeforeTheWindowStillGoesOut() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String routingKey = newRoutingKey();
        String channel = kit.channel("Security", routingKey);
        String action = newActionId();
        kit.event("policy.violation", action);
        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isPresent());
        kit.activeWindow("Planned work");

        String resolveId = kit.event("action.resolved", action);

        JsonNode decision = kit.decision(resolveId, channel);
        assertThat(decision.get("outcome").stringValue()).as(decision.toString()).isEqualTo("queued");
        await().atMost(DELIVERED).until(() -> PAGERDUTY.openIncident(routingKey, dedupKey(action)).isEmpty());
        List<RecordedRequest> sent = PAGERDUTY.eventsFor(dedupKey(action));
        assertThat(sent).extracting(r -> r.json().get("event_action").stringValue()).containsExactly("trigger", "resolve");
    }

    @Test
    void aWindowOnSomeChannelsLeavesTheOthersPaging() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String inMaintenance = kit.channel("Database team", newRoutingKey());
        String paging = kit.channel("Security", newRoutingKey());
        kit.activeWindow("DB upgrade", "channel_ids", List.of(inMaintenance));

        String eventId = kit.event("anomaly.detected", newActionId());

        assertThat(kit.decision(eventId, inMaintenance).get("outcome").stringValue()).isEqualTo("suppressed");
        assertThat(kit.decision(eventId, paging).get("outcome").stringValue()).isEqualTo("queued");
        assertThat(kit.deliveriesOf(eventId)).isEqualTo(1);
    }

    @Test
    void aWindowOnSomeEventTypesLeavesTheOtherTypesPaging() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        kit.activeWindow("IdP maintenance", "events", List.of("auth.failed", "auth.mfa_failed"));

        String authFailed = kit.event("auth.failed", newActionId());
        String blocked = kit.event("action.blocked", newActionId());

        assertThat(kit.decision(authFailed, channel).get("outcome").stringValue()).isEqualTo("suppressed");
        assertThat(kit.decision(blocked, channel).get("outcome").stringValue()).isEqualTo("queued");
    }

    @Test
    void endedFutureAndOtherOrganizationsWindowsDoNotSuppress() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        kit.window(Map.of("name", "last week", "starts_at", minutesFromNow(-120), "ends_at", minutesFromNow(-60)));
        kit.window(Map.of("name", "tomorrow", "starts_at", minutesFromNow(60 * 24), "ends_at", minutesFromNow(60 * 25)));
        MaintenanceKit.of(newTenant()).activeWindow("someone else's");

        String eventId = kit.event("action.blocked", newActionId());

        assertThat(kit.decision(eventId, channel).get("outcome").stringValue()).isEqualTo("queued");
    }

    @Test
    void overlappingWindowsNameTheOneMutingLongest() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Security", newRoutingKey());
        kit.activeWindow("short");
        String longEnd = minutesFromNow(180);
        kit.window(Map.of("name", "long", "starts_at", minutesFromNow(-1), "ends_at", longEnd));

        String eventId = kit.event("action.blocked", newActionId());

        assertThat(kit.decision(eventId, channel).get("reason").stringValue())
                .isEqualTo("suppressed by maintenance window long until " + longEnd);
    }
}
