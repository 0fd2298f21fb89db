package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Slack channels made in the console, both ways to connect: a bot token and channel id (the token masked after
 * the create and kept when the channel is saved unchanged), and an incoming webhook URL (its path hidden); "Send
 * test alert" posts to the simulator's Slack stand-in and the console shows the message it posted.
 */
// The stand-in listens on loopback, which a user-entered webhook URL may reach only when allow-listed.
@TestPropertySource(properties = "ascend.outbound.allow=127.0.0.0/8")
class ConsoleSlackChannelIT extends ConsoleTest {

    @Test
    void createsABotChannelKeepsItsTokenAndShowsTheTestMessage() {
        Tenant tenant = newTenant();
        String channel = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String token = "xoxb-42-" + UUID.randomUUID().toString().replace("-", "");
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("slack");
        type(labelled("Name"), "Slack alerts");
        labelled("Bot token and channel (updates the alert on approval)").click();
        type(labelled("Bot token"), token);
        type(labelled("Channel id"), channel);
        check("events", "action.blocked", true);
        screenshot("form-bot");
        button("Create channel").click();
        waitForHeading("Slack alerts");
        waitForText(By.cssSelector(".flash"), "Channel created.");

        JsonNode stored = tenant.admin().get("/api/notifications/channels").json().get("items").get(0);
        assertThat(stored.get("type").stringValue()).isEqualTo("slack");
        assertThat(stored.get("config").get("bot_token").stringValue()).isEqualTo("****" + token.substring(token.length() - 4));
        assertThat(stored.get("config").get("channel").stringValue()).isEqualTo(channel);
        assertThat(driver.getPageSource()).doesNotContain(token);

        // Saved with the token as shown (masked): the stored token is kept, and sending works.
        type(labelled("Name"), "Slack alerts, renamed");
        button("Save changes").click();
        waitForHeading("Slack alerts, renamed");
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        String answer = driver.findElement(By.cssSelector(".test-answer")).getText();
        assertThat(answer).contains("Test alert").contains("blocks");
        eventually().until(() -> PAGERDUTY.slack().postsTo(channel).stream().anyMatch(SlackPost::accepted));
        List<SlackPost> posts = PAGERDUTY.slack().postsTo(channel);
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.token()).isEqualTo(token);
            assertThat(post.header()).contains("TEST");
        });
        assertThat(driver.getPageSource()).doesNotContain(token);
        fullScreenshot("bot-test-sent");
    }

    @Test
    void createsAWebhookChannelWithItsPathHidden() {
        Tenant tenant = newTenant();
        String name = "hook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = PAGERDUTY.baseUrl() + "/slack/webhooks/" + name;
        signIn(tenant);
        open("/channels/new");
        waitForHeading("New channel");

        new Select(labelled("Type")).selectByValue("slack");
        type(labelled("Name"), "Slack webhook");
        type(labelled("Webhook URL"), url);
        check("events", "action.blocked", true);
        button("Create channel").click();
        waitForHeading("Slack webhook");

        assertThat(driver.getPageSource()).doesNotContain(name);
        button("Send test alert").click();
        waitForText(By.cssSelector(".test-answer .result-headline"), "Delivered");
        eventually().until(() -> PAGERDUTY.slack().postsTo(name).stream().anyMatch(SlackPost::accepted));
        assertThat(driver.getPageSource()).doesNotContain(name);
        screenshot("webhook-test-sent");
    }
}
