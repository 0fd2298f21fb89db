package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;

/** A viewer sees channels, deliveries and keys, but no button that would change anything. */
class ConsoleViewerIT extends ConsoleTest {

    @Test
    void viewerCannotEdit() {
        Tenant tenant = newTenant();
        ApiResponse channel = tenant.admin().post("/api/notifications/channels", Map.of("name", "PagerDuty Security",
                "type", "pagerduty", "config", Map.of("routing_key", "your-routing-key"), "events", List.of("action.blocked")));
        String id = channel.json().get("id").stringValue();
        // A failed delivery, which an admin could retry.
        anonymous().withApiKey(tenant.newApiKey()).post("/api/events", Map.of("type", "action.blocked", "action_id", "act_viewer"));
        Map<String, String> viewer = newUser(tenant, "viewer");

        signIn(viewer.get("email"), viewer.get("password"));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("viewer");
        open("/channels");
        waitForHeading("Channels");
        link("PagerDuty Security");
        assertThat(driver.findElements(By.xpath("//a[normalize-space()='New channel']"))).isEmpty();

        open("/channels/" + id);
        waitForHeading("PagerDuty Security");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("read-only");
        assertThat(labelled("Name").isEnabled()).isFalse();
        assertThat(labelled("Minimum risk score").isEnabled()).isFalse();
        assertThat(buttons("Save changes")).isEmpty();
        assertThat(buttons("Delete channel")).isEmpty();
        assertThat(buttons("Send test alert")).isEmpty();
        assertThat(buttons("Add routing rule")).isEmpty();
        // Warnings are still shown: a viewer can tell an admin what to fix.
        assertThat(messagesAt("config.routing_key", "warning")).contains("is not a PagerDuty integration key");
        screenshot("channel");

        open("/deliveries?status=failed");
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-delivery-id] td.status"), "failed"));
        assertThat(buttons("Retry")).isEmpty();

        open("/api-keys");
        waitForHeading("API keys");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-key-id]")));
        assertThat(buttons("Create API key")).isEmpty();
        assertThat(buttons("Revoke")).isEmpty();

        open("/maintenance");
        waitForHeading("Maintenance windows");
        assertThat(buttons("Create maintenance window")).isEmpty();

        open("/");
        waitForHeading("Overview");
        wait.until(ExpectedConditions.textToBe(By.id("failed-count"), "1"));
        assertThat(buttons("Retry")).isEmpty();
        screenshot("overview");
    }
}
