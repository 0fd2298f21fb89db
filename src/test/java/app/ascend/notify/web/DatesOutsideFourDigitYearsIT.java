package app.ascend.notify.web;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/** A date-time past 9999 (valid ISO 8601, not RFC 3339) is a 400 naming the field, on H2 and on PostgreSQL alike. */
class DatesOutsideFourDigitYearsIT extends ApiTest {

    @Test
    void anEventOccurringAfterTheYear9999IsRefusedAndNothingIsStored() {
        Tenant tenant = newTenant();
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        assertInvalidField(engine.post("/api/events", Map.of("type", "action.blocked", "action_id", "act_far_future",
                "occurred_at", "+10000-01-01T00:00:00Z")), "occurred_at");
        assertThat(tenant.admin().get("/api/events?action_id=act_far_future").json().get("items")).isEmpty();
    }

    @Test
    void aDeliveryLogFilterAfterTheYear9999IsRefused() {
        assertInvalidField(newTenant().admin().get("/api/notifications/deliveries?since=%2B10000-01-01T00:00:00Z"), "since");
    }

    @Test
    void aMaintenanceWindowEndingAfterTheYear9999IsRefused() {
        assertInvalidField(newTenant().admin().post("/api/notifications/maintenance-windows", Map.of("name", "forever",
                "starts_at", "2026-12-05T10:00:00Z", "ends_at", "+10000-01-01T00:00:00Z")), "ends_at");
    }
}
