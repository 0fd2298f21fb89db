package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What reaches Slack for the product page's event: the header with the severity, the summary, the fields, the
 * buttons and the fallback text, within Block Kit's limits as the stand-in checks them; a 5,000-character summary is
 * cut, not refused.
 */
class SlackMessageContentIT extends SlackApiTest {

    @Test
    void thePageEventBecomesABlockKitMessage() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        create(pipeline, botChannel(channel, newBotToken(), List.of("policy.violation")));
        String actionId = Events.newActionId();

        pipeline.postEvent(Events.pageExample(actionId));
        eventually().until(() -> accepted(channel).size() == 1);

        SlackPost post = accepted(channel).get(0);
        assertThat(post.header()).matches(".+ (CRITICAL|HIGH|MEDIUM|LOW) · Policy violation");
        JsonNode blocks = post.body().get("blocks");
        assertThat(blocks.toString()).contains("*Agent*\\ncustomer-service-agent").contains("*Organization*\\n"
                + pipeline.organizationName()).contains("View in Ascend")
                .contains("https://pilot.owkai.app/actions/" + actionId);
        assertThat(post.text()).isNotBlank();
        assertThat(post.body().has("ascend")).isFalse();
    }

    @Test
    void aFiveThousandCharacterSummaryIsCutNotRefused() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        String hook = newWebhookName();
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked")));
        create(pipeline, webhookChannel(hook, List.of("action.blocked")));
        String summary = "Exfiltration attempt <script>&".repeat(170); // 5,100 characters

        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 95).put("summary", summary));
        eventually().until(() -> accepted(channel).size() == 1 && accepted(hook).size() == 1);

        for (SlackPost post : List.of(accepted(channel).get(0), accepted(hook).get(0))) {
            String section = post.body().get("blocks").get(1).get("text").get("text").stringValue();
            assertThat(section.length()).isLessThanOrEqualTo(3000);
            assertThat(section).startsWith("Exfiltration attempt &lt;script&gt;&amp;").endsWith("…");
        }
        eventually().untilAsserted(() -> assertThat(pipeline.deliveriesOf(eventId)).hasSize(2)
                .allSatisfy(d -> assertThat(d.get("status").stringValue()).isEqualTo("delivered")));
    }
}
