package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.RsyslogServer;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A syslog (CEF over TLS) channel made in the console to a real rsyslog: its server, CA and header fields saved, a
 * CA that is not PEM shown beside its field, an edit that keeps the CA, a test alert rsyslog receives as a CEF
 * record, and the delivery in the log.
 */
// rsyslog listens on loopback, which outbound channels may reach only when allow-listed.
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8,localhost", "ascend.syslog.timeout=2s" })
class ConsoleSyslogChannelIT extends ConsoleTest {
    static RsyslogServer rsyslog;

    @BeforeAll
    static void startRsyslog() {
        rsyslog = RsyslogServer.start();
    }

    @AfterAll
    static void stopRsyslog() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Test
    void createsEditsAndTestsASyslogChannelAndShowsItsDelivery() {
        Tenant tenant = newTenant();
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("syslog");
        type(labelled("Name"), "QRadar");
        type(labelled("Host"), "localhost");
        type(labelled("Port"), Integer.toString(rsyslog.port()));
        script("arguments[0].value = arguments[1]", labelled("CA certificate (PEM)"), "not a certificate");
        type(labelled("Syslog HOSTNAME"), "ascend.console.test");
        new Select(labelled("Facility")).selectByValue("local6");
        button("Create channel").click();
        wait.until(d -> !messagesAt("config.ca_certificate", "msgs").isBlank()
                || !fieldElement("config.ca_certificate").getText().isBlank());
        assertThat(fieldElement("config.ca_certificate").getText()).contains("certificate");
        assertThat(tenant.admin().get("/api/notifications/channels").itemIds()).isEmpty();

        script("arguments[0].value = arguments[1]", labelled("CA certificate (PEM)"), rsyslog.caCertificate());
        screenshot("form");
        button("Create channel").click();
        waitForHeading("QRadar");
        waitForText(By.cssSelector(".flash"), "Channel created.");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        String id = stored.get("id").stringValue();
        JsonNode config = stored.get("config");
        assertThat(stored.get("type").stringValue()).isEqualTo("syslog");
        assertThat(config.get("host").stringValue()).isEqualTo("localhost");
        assertThat(config.get("port").asInt()).isEqualTo(rsyslog.port());
        assertThat(config.get("ca_certificate").stringValue().strip()).isEqualTo(rsyslog.caCertificate().strip());
        assertThat(config.get("hostname").stringValue()).isEqualTo("ascend.console.test");
        assertThat(config.get("facility").stringValue()).isEqualTo("local6");
        assertThat(driver.getPageSource()).contains(config.get("ca_certificate_sha256").stringValue());

        // An edit that leaves the CA as it is keeps it.
        type(labelled("Name"), "QRadar SIEM");
        button("Save changes").click();
        waitForHeading("QRadar SIEM");
        JsonNode edited = tenant.admin().get("/api/notifications/channels/" + id).json();
        assertThat(edited.get("config")).isEqualTo(config);

        // "Send test alert": rsyslog receives one CEF record.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        eventually().until(() -> rsyslog.receivedWith("ascend.console.test").size() == 1);
        assertThat(rsyslog.receivedWith("ascend.console.test").get(0)).startsWith("<182>1 ") // local6 (22) × 8 + Informational (6)
                .contains(" ascend.console.test ascend-notify - test - CEF:0|Ascend|Ascend Notify|")
                .contains("|test|ASCEND test alert|3|").contains("flexString2=QRadar SIEM");
        screenshot("test-sent");

        open("/deliveries?channel_id=" + id);
        waitForHeading("Deliveries");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-delivery-id] td.status"), "delivered"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-delivery-id]"));
        assertThat(row.getText()).contains("QRadar SIEM");
        row.findElement(By.xpath(".//button[normalize-space()='Details']")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.detail")));
        assertThat(detail.getText()).contains("Attempts", "written to localhost:" + rsyslog.port());
        screenshot("delivery");
    }
}
