package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft Teams channel made in the console for lower-severity alerts (maximum risk score 69): its webhook URL
 * masked after saving, an edit that keeps the stored URL, a test alert the simulator's Workflows stand-in posts as
 * an Adaptive Card, and the delivery in the log.
 */
// The stand-in listens on loopback, which outbound channel URLs may reach only when allow-listed.
@TestPropertySource(properties = "ascend.outbound.allow=127.0.0.0/8")
class ConsoleTeamsChannelIT extends ConsoleTest {

    @Test
    void createsEditsAndTestsATeamsChannelAndShowsItsDelivery() {
        Tenant tenant = newTenant();
        String flow = "console_" + UUID.randomUUID().toString().replace("-", "");
        String url = PAGERDUTY.teamsWorkflowUrl(flow) + "?sig=consoleSignature" + flow.substring(8, 16);
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("teams");
        type(labelled("Name"), "Teams lower-severity");
        type(labelled("Workflows webhook URL"), url);
        type(labelled("Minimum risk score"), "0");
        type(labelled("Maximum risk score"), "69");
        check("filters.risk_levels", "medium", true);
        check("filters.risk_levels", "low", true);
        screenshot("form");
        button("Create channel").click();
        waitForHeading("Teams lower-severity");
        waitForText(By.cssSelector(".flash"), "Channel created.");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        String id = stored.get("id").stringValue();
        assertThat(stored.get("type").stringValue()).isEqualTo("teams");
        assertThat(stored.get("filters").get("max_risk_score").asInt()).isEqualTo(69);
        assertThat(stored.get("filters").get("risk_levels").toString()).isEqualTo("[\"medium\",\"low\"]");
        assertThat(stored.get("config").get("webhook_url").stringValue()).startsWith("http://127.0.0.1:").endsWith("/…");
        assertThat(driver.getPageSource()).doesNotContain(flow).doesNotContain("consoleSignature");
        assertThat(labelled("Maximum risk score").getAttribute("value")).isEqualTo("69");

        // An edit that leaves the masked URL as it is keeps the stored one.
        type(labelled("Name"), "Teams low and medium");
        type(labelled("Maximum risk score"), "60");
        button("Save changes").click();
        waitForHeading("Teams low and medium");
        JsonNode edited = tenant.admin().get("/api/notifications/channels/" + id).json();
        assertThat(edited.get("filters").get("max_risk_score").asInt()).isEqualTo(60);
        assertThat(edited.get("config").get("webhook_url").stringValue()).isEqualTo(stored.get("config").get("webhook_url").stringValue());

        // "Send test alert": the stand-in posts one Adaptive Card, through the stored (unmasked) URL.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        assertThat(driver.findElement(By.cssSelector(".test-answer dd.status-code")).getText()).isEqualTo("202");
        eventually().until(() -> PAGERDUTY.teams().messages(flow).size() == 1);
        ReceivedTeamsPost card = PAGERDUTY.teams().messages(flow).get(0);
        assertThat(card.card().get("type").stringValue()).isEqualTo("AdaptiveCard");
        assertThat(card.card().get("body").get(0).get("text").stringValue()).isEqualTo("LOW risk: ASCEND test alert");
        assertThat(driver.getPageSource()).doesNotContain("consoleSignature");
        screenshot("test-sent");

        // The channel's deliveries.
        open("/deliveries?channel_id=" + id);
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-delivery-id] td.status"), "delivered"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-delivery-id]"));
        assertThat(row.getText()).contains("Teams low and medium");
        row.findElement(By.xpath(".//button[normalize-space()='Details']")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.detail")));
        assertThat(detail.getText()).contains("Attempts", "202", "Teams accepted the message");
        JsonNode delivery = tenant.admin().get("/api/notifications/deliveries?channel_id=" + id).json().get("items").get(0);
        assertThat(delivery.get("payload").get("attachments").get(0).get("content").get("type").stringValue())
                .isEqualTo("AdaptiveCard");
        assertThat(driver.getPageSource()).doesNotContain("consoleSignature");
        screenshot("delivery");

        // The list shows the risk range.
        open("/channels");
        waitForHeading("Channels");
        WebElement listRow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-channel-id]")));
        assertThat(listRow.getText()).contains("Teams low and medium", "0–60 · medium, low");
    }
}
