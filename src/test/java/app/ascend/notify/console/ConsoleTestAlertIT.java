package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.Tenant;

/** "Send test alert" reaches the PagerDuty simulator and shows its answer; "Preview" sends nothing. */
class ConsoleTestAlertIT extends ConsoleTest {

    @Test
    void sendsATestAlertAndShowsPagerDutysAnswer() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        String id = tenant.admin().post("/api/notifications/channels", Map.of("name", "PagerDuty Security", "type", "pagerduty",
                "config", Map.of("routing_key", routingKey),
                "events", List.of("action.blocked", "policy.violation", "auth.failed", "anomaly.detected")))
                .json().get("id").stringValue();
        signIn(tenant);
        open("/channels/" + id);
        waitForHeading("PagerDuty Security");

        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        assertThat(driver.findElement(By.cssSelector(".test-answer dd.status-code")).getText()).isEqualTo("202");
        String answer = driver.findElement(By.cssSelector(".test-answer")).getText();
        assertThat(answer).contains("Latency", " ms", "ascend-test-" + id, "****" + routingKey.substring(28), "\"event_action\": \"trigger\"");
        assertThat(answer).doesNotContain(routingKey);
        List<RecordedRequest> received = PAGERDUTY.acceptedEvents().stream().filter(r -> routingKey.equals(r.routingKey())).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).dedupKey()).startsWith("ascend-test-" + id);
        fullScreenshot("sent");

        driver.findElement(By.xpath("//summary[normalize-space()='Preview a sample event (nothing is sent)']")).click();
        type(labelled("Risk score"), "95");
        button("Preview").click();
        waitForText(By.cssSelector(".test-answer"), "Dry run: nothing was sent.");
        assertThat(driver.findElement(By.cssSelector(".test-answer")).getText())
                .contains("Routing decision:", "queued", "ascend-test-" + id, "\"severity\": \"critical\"");
        assertThat(PAGERDUTY.acceptedEvents().stream().filter(r -> routingKey.equals(r.routingKey())).count()).isEqualTo(1);
        screenshot("preview");
    }
}
