package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;

/** A maintenance window made in the console suppresses a trigger, and the event's page says so. */
class ConsoleMaintenanceWindowIT extends ConsoleTest {

    @Test
    void aWindowMadeInTheConsoleSuppressesAnEvent() {
        Tenant tenant = newTenant();
        ApiResponse channel = tenant.admin().post("/api/notifications/channels", Map.of("name", "PagerDuty Security",
                "type", "pagerduty", "config", Map.of("routing_key", newRoutingKey()), "events", List.of("action.blocked")));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        signIn(tenant);
        open("/maintenance");
        waitForHeading("Maintenance windows");

        // Starts now and ends in an hour by default.
        type(labelled("Name"), "Database upgrade");
        check("channel_ids", channel.json().get("id").stringValue(), true);
        type(labelled("Reason"), "Planned work on customer_database");
        button("Create maintenance window").click();
        waitForText(By.cssSelector(".flash"), "created");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-window-id]"), "active"));
        screenshot("window");

        String actionId = "act_" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse accepted = anonymous().withApiKey(tenant.newApiKey()).post("/api/events",
                Map.of("type", "action.blocked", "action_id", actionId, "risk_score", 95));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        open("/events?action_id=" + actionId);
        link("action.blocked").click();
        waitForHeading("Event action.blocked");
        assertThat(driver.findElement(By.xpath("//tr[td//a[normalize-space()='PagerDuty Security']]")).getText())
                .contains("suppressed", "suppressed by maintenance window Database upgrade");
        screenshot("suppressed");

        open("/maintenance");
        waitForHeading("Maintenance windows");
        button("End now").click();
        waitForText(By.cssSelector(".flash"), "ended");
        assertThat(driver.findElement(By.cssSelector("tr[data-window-id]")).getText()).doesNotContain("active");
    }
}
