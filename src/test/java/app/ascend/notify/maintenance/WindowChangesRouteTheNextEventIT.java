package app.ascend.notify.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;

/**
 * Routing keeps an organization's maintenance windows in memory between events (OrganizationWindows, under the
 * organization's routing revision), and every change to them routes the very next event: a window created, narrowed,
 * ended early or deleted between two events mutes (or stops muting) by what was saved, never by the list the
 * previous event used.
 */
class WindowChangesRouteTheNextEventIT extends ApiTest {

    @Test
    void eachChangeToAWindowRoutesTheNextEvent() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("On-call", newRoutingKey());
        assertThat(outcome(kit, channel)).isEqualTo("queued");
        assertThat(outcome(kit, channel)).isEqualTo("queued"); // the kept (empty) list

        String path = MaintenanceKit.WINDOWS + "/" + kit.activeWindow("Reindex").get("id").stringValue();
        assertThat(outcome(kit, channel)).isEqualTo("suppressed");
        assertThat(outcome(kit, channel)).isEqualTo("suppressed"); // the kept list

        assertThat(kit.admin().patch(path, Map.of("events", List.of("auth.failed"))).status()).isEqualTo(200);
        assertThat(outcome(kit, channel)).isEqualTo("queued");

        assertThat(kit.admin().patch(path, Map.of("events", List.of("action.blocked"))).status()).isEqualTo(200);
        assertThat(outcome(kit, channel)).isEqualTo("suppressed");

        assertThat(kit.admin().patch(path, Map.of("ends_at", MaintenanceKit.minutesFromNow(0))).status())
                .isEqualTo(200);
        assertThat(outcome(kit, channel)).isEqualTo("queued");

        String second = MaintenanceKit.WINDOWS + "/" + kit.activeWindow("Failover").get("id").stringValue();
        assertThat(outcome(kit, channel)).isEqualTo("suppressed");
        assertThat(kit.admin().delete(second).status()).isEqualTo(204);
        assertThat(outcome(kit, channel)).isEqualTo("queued");
    }

    /** The outcome on {@code channel} of a new trigger for a new action. */
    private static String outcome(MaintenanceKit kit, String channel) {
        String event = kit.event("action.blocked", MaintenanceKit.newActionId(), "risk_score", 90);
        return kit.decision(event, channel).get("outcome").stringValue();
    }
}
