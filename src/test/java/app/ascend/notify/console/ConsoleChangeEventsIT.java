package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;

/**
 * Change events in the console: the channel form offers the change types from the catalog, except to a type that
 * refuses them (a ServiceNow channel: a change is not a ticket); an event page explains a change as one, not a page.
 */
class ConsoleChangeEventsIT extends ConsoleTest {

    @Test
    void theFormOffersChangeTypesExceptToATicketType() {
        Tenant tenant = newTenant();
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("pagerduty");
        WebElement policyChanged = box("policy.changed");
        assertThat(policyChanged.isDisplayed()).isTrue();
        check("events", "policy.changed", true);

        new Select(labelled("Type")).selectByValue("servicenow");
        assertThat(box("policy.changed").isDisplayed()).isFalse();
        assertThat(box("policy.changed").isSelected()).isFalse();
        assertThat(box("agent.deployed").isDisplayed()).isFalse();
        assertThat(box("action.blocked").isDisplayed()).isTrue();
        screenshot("servicenow-form");
    }

    @Test
    void anEventPageExplainsAChangeAsAChange() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        ApiResponse created = tenant.admin().post("/api/notifications/channels", Map.of("name", "Change feed",
                "type", "pagerduty", "config", Map.of("routing_key", routingKey), "events", List.of("policy.changed")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiResponse accepted = anonymous().withApiKey(tenant.newApiKey()).post("/api/events", Map.of(
                "type", "policy.changed", "policy_name", "Data Protection Policy", "user", "alice@acme.example"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String eventId = accepted.json().get("events").get(0).get("id").stringValue();

        signIn(tenant);
        open("/events/" + eventId);
        waitForHeading("Event policy.changed");

        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".change-note")));
        assertThat(note.getText()).contains("opens, acknowledges and closes no incident");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Where the change was sent",
                "Data Protection Policy", "change queued for routing key ****" + routingKey.substring(28));
        fullScreenshot("change-event");
    }

    private WebElement box(String value) {
        return fieldElement("events").findElement(By.cssSelector("input[type=checkbox][value='" + value + "']"));
    }
}
