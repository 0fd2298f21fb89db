package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * OAuth client credentials (FACTS.md §3): the token from {@code /oauth_token.do} is kept and reused; when the instance
 * stops honouring it (a 401), it is dropped and one new token is got, within the same attempt; a client the instance
 * does not know is refused, saying what to check. The client secret is masked in every answer.
 */
class ServiceNowOAuthIT extends ServiceNowApiTest {
    static final String CLIENT_ID = "5a1f0c3b6e2d4f8a9b7c0d1e2f3a4b5c";
    static final String CLIENT_SECRET = "client-secret-for-tests-0123456789";

    @Test
    void theTokenIsKeptAndReplacedOnceWhenRevoked() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().requireClient(instance, CLIENT_ID, CLIENT_SECRET);
        Pipeline pipeline = newPipeline();
        JsonNode created = create(pipeline, oauth(instance, CLIENT_SECRET));
        assertThat(created.get("config").get("client_secret").stringValue()).startsWith("****")
                .doesNotContain(CLIENT_SECRET);
        assertThat(created.get("config").get("client_id").stringValue()).isEqualTo(CLIENT_ID);

        deliver(pipeline);
        deliver(pipeline);
        assertThat(kinds(instance)).containsExactly("token", "lookup", "create", "lookup", "create");

        PAGERDUTY.serviceNow().revokeTokens(instance);
        JsonNode third = deliver(pipeline);
        assertThat(kinds(instance)).containsExactly("token", "lookup", "create", "lookup", "create",
                "lookup", "token", "lookup", "create");
        assertThat(third.get("attempts")).hasSize(1);
        assertThat(incidents(instance)).hasSize(3);
        assertThat(pipeline.admin().get(CHANNELS).body()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void anUnknownClientIsRefusedSayingWhatToCheck() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().requireClient(instance, CLIENT_ID, CLIENT_SECRET);
        Pipeline pipeline = newPipeline();
        create(pipeline, oauth(instance, "not-the-secret-0123456789"));
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 40));

        eventually().until(() -> "failed".equals(pipeline.deliveryOf(eventId).get("status").stringValue()));
        JsonNode attempt = pipeline.deliveryOf(eventId).get("attempts").get(0);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(401);
        assertThat(attempt.get("message").stringValue()).contains("refused the OAuth client credentials")
                .contains("glide.oauth.inbound.client.credential.grant_type.enabled");
        assertThat(attempt.get("errors").toString()).contains("access_denied");
        assertThat(incidents(instance)).isEmpty();
    }

    private static Map<String, Object> oauth(String instance, String secret) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance_url", urlOf(instance));
        config.put("client_id", CLIENT_ID);
        config.put("client_secret", secret);
        return channel(config, List.of("action.blocked"));
    }

    private static JsonNode deliver(Pipeline pipeline) {
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 40));
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(eventId).get("status").stringValue()));
        return pipeline.deliveryOf(eventId);
    }
}
