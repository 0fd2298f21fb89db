package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.ReceivedHecEvent;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A Splunk HEC channel made in the console: its token masked after saving and never on the page, an edit that keeps
 * the stored token, a test alert the simulator's HEC stand-in takes as an event in the channel's index, and the
 * delivery in the log.
 */
// The stand-in listens on loopback, which outbound channel URLs may reach only when allow-listed.
@TestPropertySource(properties = "ascend.outbound.allow=127.0.0.0/8")
class ConsoleSplunkHecChannelIT extends ConsoleTest {
    private static final String TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    @Test
    void createsEditsAndTestsASplunkHecChannelAndShowsItsDelivery() {
        Tenant tenant = newTenant();
        String collector = "console_" + UUID.randomUUID().toString().replace("-", "");
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("splunk_hec");
        type(labelled("Name"), "Splunk SIEM");
        type(labelled("Collector URL"), PAGERDUTY.hecUrl(collector));
        type(labelled("HEC token"), TOKEN);
        type(labelled("Index"), "ascend");
        type(labelled("Wait for more (ms)"), "0");
        screenshot("form");
        button("Create channel").click();
        waitForHeading("Splunk SIEM");
        waitForText(By.cssSelector(".flash"), "Channel created.");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        String id = stored.get("id").stringValue();
        assertThat(stored.get("type").stringValue()).isEqualTo("splunk_hec");
        assertThat(stored.get("config").get("token").stringValue()).isEqualTo("****e1f0");
        assertThat(stored.get("config").get("index").stringValue()).isEqualTo("ascend");
        assertThat(stored.get("config").get("batch_max_wait_ms").asInt()).isZero();
        assertThat(driver.getPageSource()).doesNotContain(TOKEN);

        // An edit that leaves the masked token and URL as they are keeps the stored ones.
        type(labelled("Name"), "Splunk SOC");
        type(labelled("Sourcetype"), "ascend:soc");
        button("Save changes").click();
        waitForHeading("Splunk SOC");
        JsonNode edited = tenant.admin().get("/api/notifications/channels/" + id).json();
        assertThat(edited.get("config").get("sourcetype").stringValue()).isEqualTo("ascend:soc");
        assertThat(edited.get("config").get("token").stringValue()).isEqualTo("****e1f0");

        // "Send test alert": the stand-in takes one event, sent with the stored (unmasked) token.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        assertThat(driver.findElement(By.cssSelector(".test-answer dd.status-code")).getText()).isEqualTo("200");
        eventually().until(() -> PAGERDUTY.hec().events(collector).size() == 1);
        ReceivedHecEvent event = PAGERDUTY.hec().events(collector).get(0);
        assertThat(event.envelope().get("index").stringValue()).isEqualTo("ascend");
        assertThat(event.envelope().get("sourcetype").stringValue()).isEqualTo("ascend:soc");
        assertThat(event.event().get("event_type").stringValue()).isEqualTo("test");
        assertThat(driver.getPageSource()).doesNotContain(TOKEN);
        screenshot("test-sent");

        // The channel's deliveries.
        open("/deliveries?channel_id=" + id);
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-delivery-id] td.status"), "delivered"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-delivery-id]"));
        assertThat(row.getText()).contains("Splunk SOC");
        row.findElement(By.xpath(".//button[normalize-space()='Details']")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.detail")));
        assertThat(detail.getText()).contains("Attempts", "200", "Splunk HEC received");
        assertThat(driver.getPageSource()).doesNotContain(TOKEN);
        screenshot("delivery");
    }
}
