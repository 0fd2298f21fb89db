package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.Tenant;

/** An API key made in the console is shown once, posts events, and stops working once revoked. */
class ConsoleApiKeysIT extends ConsoleTest {

    @Test
    void createsShowsOnceAndRevokesAnApiKey() {
        Tenant tenant = newTenant();
        signIn(tenant);
        open("/api-keys");
        waitForHeading("API keys");
        type(labelled("Name"), "governance-engine");
        button("Create API key").click();

        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shown-once input.key-value")));
        String key = shown.getAttribute("value");
        assertThat(driver.findElement(By.cssSelector(".shown-once")).getText()).contains("shown only this once");
        button("Copy").click();
        wait.until(d -> !d.findElement(By.cssSelector(".shown-once [role=status]")).getText().isEmpty());
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-key-id]")));
        assertThat(row.getText()).contains("governance-engine").doesNotContain(key);
        screenshot("created");
        assertThat(postEvent(key)).isEqualTo(202);

        button("Done").click();
        assertThat(driver.findElements(By.cssSelector(".shown-once"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(key);
        button("Revoke").click();
        ConfirmDialog.confirm(driver, wait);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"), "No API keys."));
        assertThat(postEvent(key)).isEqualTo(401);
    }

    private int postEvent(String key) {
        return anonymous().withApiKey(key).post("/api/events", Map.of("type", "anomaly.detected", "risk_score", 50)).status();
    }
}
