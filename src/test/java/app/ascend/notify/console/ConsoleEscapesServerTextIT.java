package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;

/** HTML stored in every text field is shown as text: nothing of it runs or renders. */
class ConsoleEscapesServerTextIT extends ConsoleTest {
    private static final String HTML = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";

    @Test
    void htmlInServerStringsIsShownAsText() {
        Tenant tenant = newTenant();
        ApiResponse channel = tenant.admin().post("/api/notifications/channels", Map.of("name", HTML, "type", "pagerduty",
                "config", Map.of("routing_key", newRoutingKey(), "routing_keys", Map.of(HTML, newRoutingKey())),
                "routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", HTML))));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String id = channel.json().get("id").stringValue();
        tenant.admin().post("/api/api-keys", Map.of("name", HTML));
        ApiResponse event = anonymous().withApiKey(tenant.newApiKey()).post("/api/events", Map.of("type", "action.blocked",
                "action_id", "act_html", "agent_id", HTML, "action_type", HTML, "resource", HTML, "policy_name", HTML,
                "summary", HTML, "user", HTML, "details", Map.of("note", HTML)));
        String eventId = event.json().get("events").get(0).get("id").stringValue();

        signIn(tenant);
        open("/channels");
        waitForHeading("Channels");
        assertThat(link(HTML).getText()).isEqualTo(HTML);
        open("/channels/" + id);
        waitForHeading(HTML);
        assertThat(driver.findElement(By.cssSelector(".row.alias .alias-name")).getAttribute("value")).isEqualTo(HTML);
        open("/events/" + eventId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "agent_id"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(HTML);
        open("/deliveries");
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-delivery-id]")));
        open("/api-keys");
        waitForHeading("API keys");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), HTML));
        open("/audit");
        waitForHeading("Audit log");
        open("/");
        waitForHeading("Overview");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-depth")));

        assertThat(script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("main img, main script, main b"))).isEmpty();
        screenshot("text");
    }
}
