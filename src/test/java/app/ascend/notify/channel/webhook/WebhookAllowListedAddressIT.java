package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * ASCEND_OUTBOUND_ALLOW=127.0.0.0/8 (this context's): a loopback receiver is accepted, over http too,
 * with a warning, and receives; addresses outside the list stay refused.
 */
class WebhookAllowListedAddressIT extends WebhookApiTest {

    @Test
    void anAllowListedHostIsAcceptedOverHttpWithAWarningAndReceives() {
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        JsonNode created = createWebhook(pipeline, url, List.of("action.blocked"));
        assertThat(Channels.warnings(created)).anySatisfy(w -> assertThat(w).contains("http").contains("ASCEND_OUTBOUND_ALLOW"));

        pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));
        eventually().until(() -> receiver.requestsTo(url).size() == 1);
        assertThat(receiver.requestsTo(url).get(0).verifiesWith(secretOf(created))).isTrue();
    }

    @Test
    void addressesOutsideTheListStayRefused() {
        Pipeline pipeline = newPipeline();
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook")) {
            ApiResponse answer = pipeline.admin().post(CHANNELS, webhook("Internal", url, List.of("action.blocked")));
            assertThat(answer.status()).as(url + " → " + answer).isEqualTo(400);
            assertThat(answer.fieldErrors()).as(url).containsOnlyKeys("config.url");
        }
    }
}
