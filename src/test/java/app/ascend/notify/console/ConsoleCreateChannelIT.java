package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/** The page's "PagerDuty Security" channel made through the form; warnings and errors at their fields; edit; delete. */
class ConsoleCreateChannelIT extends ConsoleTest {
    private static final List<String> PAGE_EVENTS = List.of("action.blocked", "policy.violation", "auth.failed", "anomaly.detected");

    @Test
    void createsThePagesSecurityChannelThroughTheForm() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        signIn(tenant);
        open("/channels");
        waitForHeading("Channels");
        link("New channel").click();
        waitForHeading("New channel");

        type(labelled("Name"), "PagerDuty Security");
        labelled("Integration key").sendKeys("your-integration-key");
        labelled("Routing key").sendKeys(routingKey);
        assertThat(labelled("Integration key").getAttribute("type")).isEqualTo("password");
        PAGE_EVENTS.forEach(type -> check("events", type, true));
        // The page's severity table is what the selects show before anything is chosen.
        assertThat(Map.of(
                "critical", new Select(labelled("Critical (90-100)")).getFirstSelectedOption().getText(),
                "high", new Select(labelled("High (70-89)")).getFirstSelectedOption().getText(),
                "medium", new Select(labelled("Medium (40-69)")).getFirstSelectedOption().getText(),
                "low", new Select(labelled("Low (0-39)")).getFirstSelectedOption().getText()))
                .isEqualTo(Map.of("critical", "critical", "high", "error", "medium", "warning", "low", "info"));
        screenshot("form");
        button("Create channel").click();

        waitForHeading("PagerDuty Security");
        waitForText(By.cssSelector(".flash"), "Channel created.");
        // The placeholder integration key is warned about beside its field; the real routing key is not.
        assertThat(messagesAt("config.integration_key", "warning")).contains("config.integration_key is not a PagerDuty integration key");
        assertThat(messagesAt("config.routing_key", "warning")).isEmpty();
        // Keys are shown masked afterwards, never in clear.
        assertThat(fieldElement("config.routing_key").getText()).contains("Stored: ****" + routingKey.substring(28));
        assertThat(driver.getPageSource()).doesNotContain(routingKey, "your-integration-key");
        screenshot("created");
        fullScreenshot("created");
        narrowScreenshot("created");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        assertThat(stored.get("name").stringValue()).isEqualTo("PagerDuty Security");
        assertThat(stored.get("type").stringValue()).isEqualTo("pagerduty");
        assertThat(stored.get("config").get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
        assertThat(stored.get("events").toString())
                .isEqualTo("[\"action.blocked\",\"policy.violation\",\"auth.failed\",\"anomaly.detected\"]");
        assertThat(stored.get("severity_mapping").toString())
                .isEqualTo("{\"critical\":\"critical\",\"high\":\"error\",\"medium\":\"warning\",\"low\":\"info\"}");
    }

    @Test
    void showsValidationErrorsAtTheirFieldsAndSavesEveryFieldOnceFixed() {
        Tenant tenant = newTenant();
        String criticalKey = newRoutingKey();
        String securityKey = newRoutingKey();
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");
        type(labelled("Name"), "PagerDuty with Runbooks");
        labelled("Integration key").sendKeys(criticalKey);
        type(labelled("Minimum risk score"), "150");
        type(labelledIn("config.runbook_links.action.blocked", "action.blocked"), "wiki/runbooks/blocked-action");
        button("Create channel").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        assertThat(messagesAt("filters.min_risk_score", "error")).isNotEmpty();
        assertThat(messagesAt("config.runbook_links.action.blocked", "error")).contains("http");
        assertThat(labelled("Minimum risk score").getAttribute("aria-invalid")).isEqualTo("true");
        // The summary lists each error; choosing one moves the focus to its field.
        driver.findElement(By.xpath("//div[contains(@class,'problem')]//button[starts-with(normalize-space(), 'filters.min_risk_score')]")).click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(labelled("Minimum risk score"));
        screenshot("errors");

        type(labelled("Minimum risk score"), "70");
        type(labelled("Maximum risk score"), "100");
        type(labelledIn("config.runbook_links.action.blocked", "action.blocked"), "https://wiki.company.com/runbooks/blocked-action");
        type(labelledIn("config.runbook_links.policy.violation", "policy.violation"), "https://wiki.company.com/runbooks/policy-violation");
        new Select(labelled("Region")).selectByValue("eu");
        new Select(labelled("High (70-89)")).selectByValue("critical");
        button("Add key alias").click();
        type(driver.findElement(By.cssSelector(".row.alias .alias-name")), "security-on-call");
        driver.findElement(By.cssSelector(".row.alias input.secret")).sendKeys(securityKey);
        button("Add routing rule").click();
        check("routing_rules[0].events", "auth.failed", true);
        check("routing_rules[0].events", "auth.mfa_failed", true);
        labelledIn("routing_rules[0].routing_key", "Routing key").sendKeys("security-on-call");
        driver.findElement(By.xpath("//label[normalize-space()='Include metadata (custom_details: agent, action, resource, risk, policy)']")).click();
        button("Create channel").click();

        waitForHeading("PagerDuty with Runbooks");
        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        assertThat(stored.get("filters").get("min_risk_score").asInt()).isEqualTo(70);
        assertThat(stored.get("filters").get("max_risk_score").asInt()).isEqualTo(100);
        assertThat(stored.get("severity_mapping").get("high").stringValue()).isEqualTo("critical");
        JsonNode config = stored.get("config");
        assertThat(config.get("region").stringValue()).isEqualTo("eu");
        assertThat(config.get("include_metadata").booleanValue()).isFalse();
        assertThat(config.get("runbook_links").get("policy.violation").stringValue())
                .isEqualTo("https://wiki.company.com/runbooks/policy-violation");
        assertThat(config.get("routing_keys").get("security-on-call").stringValue()).isEqualTo("****" + securityKey.substring(28));
        assertThat(stored.get("routing_rules").toString())
                .isEqualTo("[{\"events\":[\"auth.failed\",\"auth.mfa_failed\"],\"routing_key\":\"security-on-call\"}]");
        // auth.* are not among the channel's events (none checked means all), so no warning for the rule.
        assertThat(stored.get("warnings").size()).isZero();
        screenshot("saved");
    }

    @Test
    void editKeepsTheStoredKeyAndDeleteAsksFirst() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        ApiResponse created = tenant.admin().post("/api/notifications/channels", Map.of("name", "On-call", "type", "pagerduty",
                "config", Map.of("routing_key", routingKey), "events", List.of("action.blocked")));
        String id = created.json().get("id").stringValue();
        signIn(tenant);
        open("/channels/" + id);
        waitForHeading("On-call");

        type(labelled("Minimum risk score"), "90");
        check("events", "policy.violation", true);
        button("Save changes").click();
        waitForText(By.cssSelector(".flash"), "Changes saved.");
        JsonNode stored = tenant.admin().get("/api/notifications/channels/" + id).json();
        assertThat(stored.get("filters").get("min_risk_score").asInt()).isEqualTo(90);
        assertThat(stored.get("events").toString()).isEqualTo("[\"action.blocked\",\"policy.violation\"]");
        assertThat(stored.get("config").get("routing_key").stringValue()).isEqualTo("****" + routingKey.substring(28));
        // The key sent back masked was kept: a test alert still reaches the real key.
        assertThat(tenant.admin().post("/api/notifications/test", Map.of("channel_id", id)).json().get("success").booleanValue()).isTrue();

        button("Delete channel").click();
        ConfirmDialog.cancel(driver, wait);
        waitForHeading("On-call");
        button("Delete channel").click();
        ConfirmDialog.confirm(driver, wait);
        waitForHeading("Channels");
        waitForText(By.cssSelector(".flash"), "deleted");
        assertThat(tenant.admin().get("/api/notifications/channels/" + id).status()).isEqualTo(404);
    }
}
