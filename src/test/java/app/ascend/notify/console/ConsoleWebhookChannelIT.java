package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A webhook channel made in the console: its signing secret shown once (and masked after a reload), a
 * test alert from the console reaching a local receiver signed per Standard Webhooks
 * (https://www.standardwebhooks.com/), and "Rotate secret" showing the new secret once.
 */
// The receiver listens on loopback, which outbound channel URLs may reach only when allow-listed.
@TestPropertySource(properties = "ascend.outbound.allow=127.0.0.0/8")
class ConsoleWebhookChannelIT extends ConsoleTest {
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answerStatus = new AtomicInteger(204);

    /** One request the receiver got: its method, the webhook-* headers and the raw body. */
    record Received(String method, String id, String timestamp, String signature, byte[] body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/ascend", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
                exchange.sendResponseHeaders(answerStatus.get(), -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void createsAWebhookShowsItsSecretOnceSendsASignedTestAndRotatesTheSecret() {
        Tenant tenant = newTenant();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/ascend";
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("webhook");
        type(labelled("Name"), "Security webhook");
        type(labelled("URL"), url);
        type(labelled("Rate per minute"), "600");
        check("events", "action.blocked", true);
        screenshot("form");
        button("Create channel").click();

        // The secret, once: in a dialog with "Copy", saying it will not be shown again.
        String secret = shownOnceSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(driver.findElement(By.cssSelector("dialog[open]")).getText()).contains("it will not be shown again");
        screenshot("secret-once");
        button("Done").click();
        waitForHeading("Security webhook");
        waitForText(By.cssSelector(".flash"), "Channel created.");
        assertMaskedNotShown(secret);

        // A reload reads the channel again: masked.
        driver.navigate().refresh();
        waitForHeading("Security webhook");
        assertMaskedNotShown(secret);
        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        assertThat(stored.get("type").stringValue()).isEqualTo("webhook");
        // The URL's path may carry a token: answers, and so the page, show only scheme, host and port.
        assertThat(stored.get("config").get("url").stringValue()).startsWith("http://127.0.0.1:").doesNotContain("/hooks/ascend");
        assertThat(driver.getPageSource()).doesNotContain("/hooks/ascend");
        assertThat(stored.get("config").get("rate_per_minute").asInt()).isEqualTo(600);
        assertThat(stored.get("events").toString()).isEqualTo("[\"action.blocked\"]");
        fullScreenshot("channel");

        // "Send test alert": the receiver gets one signed POST, and the console shows its answer.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        assertThat(driver.findElement(By.cssSelector(".test-answer dd.status-code")).getText()).startsWith("2");
        eventually().until(() -> received.size() >= 1);
        assertThat(received).hasSize(1);
        Received request = received.peek();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.id()).isNotBlank();
        assertThat(request.timestamp()).matches("\\d+");
        assertThat(request.signature()).startsWith("v1,");
        assertThat(signedBy(request, secret)).as("webhook-signature verifies with the secret shown").isTrue();
        assertThat(driver.getPageSource()).doesNotContain(secret);
        screenshot("test-sent");

        // "Rotate secret" asks first, then shows the new secret once.
        button("Rotate secret").click();
        // Not ConfirmDialog.confirm: it waits for no open dialog, and the new secret's dialog may open first.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open]:not(.shown-once) .btn.danger"))).click();
        String rotated = shownOnceSecret();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        screenshot("rotated-once");
        button("Done").click();
        waitForText(By.cssSelector(".flash"), "Secret rotated.");
        assertMaskedNotShown(rotated);
        assertThat(driver.getPageSource()).doesNotContain(secret);

        // The list names the type by its display name.
        open("/channels");
        waitForHeading("Channels");
        String displayName = null;
        for (JsonNode channelType : tenant.admin().get("/api/notifications/channel-types").json().get("channel_types")) {
            if ("webhook".equals(channelType.get("type").stringValue())) {
                displayName = channelType.get("display_name").stringValue();
            }
        }
        assertThat(displayName).isNotBlank();
        WebElement typeCell = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("td.channel-type")));
        assertThat(typeCell.getText()).isEqualTo(displayName);
        narrowScreenshot("list");
    }

    @Test
    void showsWhyTheServerDisabledTheChannel() {
        Tenant tenant = newTenant();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/ascend";
        String id = tenant.admin().post("/api/notifications/channels", Map.of("name", "Retired receiver", "type", "webhook",
                "config", Map.of("url", url))).json().get("id").stringValue();
        answerStatus.set(410);
        signIn(tenant);
        open("/channels/" + id);
        waitForHeading("Retired receiver");
        assertThat(driver.findElements(By.cssSelector(".disabled-reason"))).isEmpty();

        // A receiver answering 410 Gone wants no more messages: the server disables the channel and says why.
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Not delivered");
        assertThat(driver.findElement(By.cssSelector(".test-answer dd.status-code")).getText()).isEqualTo("410");
        driver.navigate().refresh();
        waitForHeading("Retired receiver");
        String reason = tenant.admin().get("/api/notifications/channels/" + id).json().get("disabled_reason").stringValue();
        assertThat(reason).isNotBlank();
        assertThat(driver.findElement(By.cssSelector(".disabled-reason")).getText()).isEqualTo("Disabled: " + reason);
        assertThat(driver.findElement(By.cssSelector("[data-field=enabled] input")).isSelected()).isFalse();
        screenshot("disabled");
    }

    /** The secret in the open shown-once dialog. */
    private String shownOnceSecret() {
        WebElement value = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog.shown-once[open] input.key-value")));
        assertThat(buttons("Copy")).isNotEmpty();
        return value.getAttribute("value");
    }

    /** The channel page shows the secret masked, and the secret itself nowhere. */
    private void assertMaskedNotShown(String secret) {
        String masked = labelled("Signing secret").getAttribute("value");
        assertThat(masked).isNotBlank().isNotEqualTo(secret);
        assertThat(driver.getPageSource()).doesNotContain(secret);
        assertThat(driver.findElements(By.cssSelector("dialog[open]"))).isEmpty();
    }

    /**
     * Standard Webhooks' scheme, checked independently of the service: some {@code v1,} entry of the
     * header is base64(HMAC-SHA256(key, "id.timestamp.body")), the key being the secret after
     * {@code whsec_}, base64-decoded.
     */
    private static boolean signedBy(Received request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((request.id() + "." + request.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.body()));
            List<String> entries = Arrays.asList(request.signature().split(" "));
            return entries.contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
