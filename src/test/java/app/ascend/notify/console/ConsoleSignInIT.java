package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.Tenant;

/** Sign in with "Email" and "Password", see the overview, sign out; a wrong password says so. */
class ConsoleSignInIT extends ConsoleTest {

    @Test
    void signsInToTheOverviewAndSignsOut() {
        Tenant tenant = newTenant();
        driver.get(baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertThat(driver.getTitle()).isEqualTo("Sign in · ASCEND Notify");
        screenshot("sign-in");

        labelled("Email").sendKeys(tenant.adminEmail());
        labelled("Password").sendKeys("not-the-password");
        button("Sign in").click();
        waitForText(By.cssSelector(".signin .problem"), "Invalid email or password.");

        labelled("Password").sendKeys(tenant.adminPassword());
        button("Sign in").click();
        waitForHeading("Overview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-depth"), "0"));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains(tenant.adminEmail(), "admin");
        assertThat(driver.findElement(By.id("dead-count")).getText()).isEqualTo("0");
        screenshot("overview");
        narrowScreenshot("overview");

        driver.navigate().refresh();
        waitForHeading("Overview"); // the session cookie outlives a reload

        button("Sign out").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertThat(anonymousMe()).isEqualTo(401);
    }

    private int anonymousMe() {
        return anonymous().get("/api/auth/me").status();
    }
}
