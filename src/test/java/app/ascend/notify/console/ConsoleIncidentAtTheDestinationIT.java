package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyWebhooks;
import app.ascend.notify.support.Pipeline;

/**
 * What PagerDuty's webhooks said shows in the console: an acknowledgement by a responder in the overview's
 * open incidents and in the event's explanation, the resolve in "Resolved at the destination", and the
 * channel page's webhook URL, setup steps and received deliveries.
 */
class ConsoleIncidentAtTheDestinationIT extends ConsoleTest {

    @Test
    void anAcknowledgementAndAResolveInPagerDutyShowInTheConsole() {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        String secret = "console-signing-" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = Channels.pagerDuty("On call", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("webhook_secret", secret);
        String channelId = pipeline.createChannel(body);
        String actionId = Events.newActionId();
        String trigger = pipeline.postEvent(Events.trigger("action.blocked", actionId, 90));
        String dedupKey = "ascend-" + actionId;
        eventually().until(() -> !PAGERDUTY.incidentsFor(routingKey, dedupKey).isEmpty());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiResponse acked = PagerDutyWebhooks.post(anonymous(), channelId, secret, PagerDutyWebhooks.newWebhookId(),
                PagerDutyWebhooks.incidentEvent("incident.acknowledged", dedupKey, "acknowledged", "Jane Doe", at));
        assertThat(acked.status()).as(acked.toString()).isEqualTo(202);

        signIn(pipeline.tenant());
        open("/");
        waitForHeading("Overview");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-incident-id]")));
        assertThat(row.getText()).contains(dedupKey, "acknowledged by Jane Doe");
        screenshot("overview-acknowledged");

        open("/events/" + trigger);
        waitForHeading("Event action.blocked");
        waitForText(By.cssSelector(".incident-remote"), "acknowledged by Jane Doe");

        open("/channels/" + channelId);
        waitForHeading("On call");
        String url = pipeline.admin().get(Channels.PATH + "/" + channelId).json().get("webhook_url").stringValue();
        waitForText(By.cssSelector(".webhook-url"), url);
        assertThat(driver.findElements(By.cssSelector(".webhook-setup li"))).hasSize(6);
        WebElement received = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-webhook-id]")));
        assertThat(received.getText()).contains("incident.acknowledged", dedupKey, "applied");
        assertThat(driver.getPageSource()).doesNotContain(secret);
        screenshot("channel-webhooks");

        PagerDutyWebhooks.post(anonymous(), channelId, secret, PagerDutyWebhooks.newWebhookId(),
                PagerDutyWebhooks.incidentEvent("incident.resolved", dedupKey, "resolved", "Jane Doe", at.plusSeconds(1)));
        open("/");
        waitForHeading("Overview");
        waitForText(By.xpath("//section[h2[normalize-space()='Resolved at the destination']]//tr[@data-incident-id]"),
                "the incident was resolved in PagerDuty by Jane Doe");
        screenshot("overview-resolved");
    }
}
