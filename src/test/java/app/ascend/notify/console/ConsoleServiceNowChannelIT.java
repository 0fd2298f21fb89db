package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A ServiceNow channel made in the console: its password masked after saving and never on the page, an edit that
 * leaves the masked password as it is (so it is not sent and the stored one stays), a test alert the simulator's
 * ServiceNow stand-in opens as an incident with the stored password, and the delivery in the log linking to the
 * ticket by its number.
 */
// The stand-in listens on loopback, which outbound channel URLs may reach only when allow-listed.
@TestPropertySource(properties = "ascend.outbound.allow=127.0.0.0/8")
class ConsoleServiceNowChannelIT extends ConsoleTest {

    @Test
    void createsEditsAndTestsAServiceNowChannelAndLinksItsTicket() {
        Tenant tenant = newTenant();
        String instance = "console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String password = "consolePassword" + UUID.randomUUID().toString().substring(0, 8);
        PAGERDUTY.serviceNow().requireBasic(instance, "ascend.console", password);
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("servicenow");
        type(labelled("Name"), "ServiceNow SecOps");
        type(labelled("Instance URL"), PAGERDUTY.serviceNowInstanceUrl(instance));
        type(labelled("User name"), "ascend.console");
        type(labelled("Password"), password);
        type(labelled("Category"), "security");
        new Select(labelled("critical: urgency")).selectByValue("2");
        screenshot("form");
        button("Create channel").click();
        waitForHeading("ServiceNow SecOps");
        waitForText(By.cssSelector(".flash"), "Channel created.");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        String id = stored.get("id").stringValue();
        assertThat(stored.get("type").stringValue()).isEqualTo("servicenow");
        assertThat(stored.get("config").get("username").stringValue()).isEqualTo("ascend.console");
        assertThat(stored.get("config").get("password").stringValue()).startsWith("****");
        assertThat(stored.get("config").get("category").stringValue()).isEqualTo("security");
        assertThat(stored.get("priority_mapping").get("critical").get("urgency").stringValue()).isEqualTo("2");
        assertThat(stored.get("priority_mapping").get("low").get("urgency").stringValue()).isEqualTo("3");
        assertThat(driver.getPageSource()).doesNotContain(password);

        // An edit that leaves the masked password as it is does not send it: the stored one stays.
        type(labelled("Name"), "ServiceNow Security");
        button("Save changes").click();
        waitForHeading("ServiceNow Security");
        JsonNode edited = tenant.admin().get("/api/notifications/channels/" + id).json();
        assertThat(edited.get("config").get("password").stringValue())
                .isEqualTo(stored.get("config").get("password").stringValue());

        // "Send test alert": the stand-in opens an incident, signed in with the stored password.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        eventually().until(() -> PAGERDUTY.serviceNow().incidents(instance).size() == 1);
        JsonNode incident = PAGERDUTY.serviceNow().incidents(instance).get(0);
        assertThat(incident.get("short_description").stringValue()).startsWith("[TEST] ");
        assertThat(incident.get("category").stringValue()).isEqualTo("security");
        String number = incident.get("number").stringValue();
        assertThat(driver.getPageSource()).doesNotContain(password);
        screenshot("test-sent");

        // The channel's deliveries link to the ticket.
        open("/deliveries?channel_id=" + id);
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-delivery-id] td.status"),
                "delivered"));
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-delivery-id] a.remote")));
        assertThat(link.getText()).isEqualTo(number);
        assertThat(link.getAttribute("href")).contains("/nav_to.do?uri=incident.do%3Fsys_id%3D"
                + incident.get("sys_id").stringValue());
        assertThat(driver.getPageSource()).doesNotContain(password);
        screenshot("delivery");
    }
}
