package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;

/**
 * The channel page of a PagerDuty channel with a REST API token: the token field is masked, "Reconcile now"
 * corrects an incident resolved silently in PagerDuty and the page says what it corrected.
 */
class ConsoleReconcileNowIT extends ConsoleTest {

    @Test
    void reconcileNowShowsWhatItCorrected() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String token = "console-rest-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PAGERDUTY.restApi().addToken(token);
        Map<String, Object> body = Channels.pagerDuty("Reconciled", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("rest_api_token", token);
        String channelId = pipeline.createChannel(body);
        String actionId = Events.newActionId();
        pipeline.postEvent(Events.trigger("action.blocked", actionId, 90));
        String dedupKey = "ascend-" + actionId;
        eventually().until(() -> PAGERDUTY.openIncident(routingKey, dedupKey).isPresent());
        PAGERDUTY.changeByHand(true, routingKey, dedupKey, "Jane Doe", true);

        signIn(pipeline.tenant());
        open("/channels/" + channelId);
        waitForHeading("Reconciled");
        WebElement tokenInput = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-field='config.rest_api_token'] input")));
        assertThat(tokenInput.getAttribute("value")).isEqualTo(Channels.masked(token));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.reconcile-now"))).click();

        waitForText(By.cssSelector(".reconciliation-last"), "corrected 1");
        WebElement run = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-run-id]")));
        assertThat(run.getText()).contains(dedupKey, "open → resolved",
                "corrected by reconciliation: PagerDuty says resolved by Jane Doe");
        assertThat(driver.getPageSource()).doesNotContain(token);
        screenshot("channel-reconciled");
    }
}
