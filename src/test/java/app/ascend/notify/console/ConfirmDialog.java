package app.ascend.notify.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's confirmation dialog (a modal {@code <dialog>}): its danger button confirms, "Cancel" keeps. */
final class ConfirmDialog {
    private ConfirmDialog() {
    }

    static void confirm(WebDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open] .btn.danger"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
    }

    static void cancel(WebDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//dialog[@open]//button[normalize-space()='Cancel']"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
    }
}
