package app.ascend.notify.testalert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;

/** The page's plain "Send Test Alert" (no sample event) is sent at once and answered with PagerDuty's reply. */
class PlainTestAlertIT extends ApiTest {

    @Test
    void aPlainTestAlertIsSentToTheChannelsRoutingKey() {
        ApiClient admin = newTenant().admin();
        String routingKey = newRoutingKey();
        String channelId = Channels.create(admin, Channels.pagerDuty("Test me", routingKey)).get("id").stringValue();

        ApiResponse answer = admin.post("/api/notifications/test", Map.of("channel_id", channelId));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).as(answer.body()).isTrue();
        String dedupKey = answer.json().get("dedup_key").stringValue();
        assertThat(dedupKey).startsWith("ascend-test-" + channelId + "-");
        assertThat(PAGERDUTY.eventsFor(dedupKey)).singleElement().satisfies(r -> assertThat(r.routingKey()).isEqualTo(routingKey));
    }
}
