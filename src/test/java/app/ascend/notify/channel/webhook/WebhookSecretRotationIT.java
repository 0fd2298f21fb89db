package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/notifications/channels/{id}/rotate-secret}: the new secret is shown once; during the
 * grace period (6 s in this context) each message carries two signatures, and the reference library
 * verifies it with the old secret and with the new one; after it, only the new one signs. No secret is
 * ever in a read, a list, the audit log, the delivery log or a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretRotationIT extends WebhookApiTest {

    @Test
    void bothSecretsSignDuringTheGraceAndOnlyTheNewOneAfter(CapturedOutput output) {
        Pipeline pipeline = newPipeline();
        String url = receiver.url(newToken());
        JsonNode created = createWebhook(pipeline, url, List.of("action.blocked"));
        String channelId = created.get("id").stringValue();
        String oldSecret = secretOf(created);

        ApiResponse rotated = pipeline.admin().post(CHANNELS + "/" + channelId + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().get("config").get("secret").stringValue();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.body()).doesNotContain(oldSecret);
        Instant graceEnds = Instant.parse(rotated.json().get("config").get("previous_secret_expires_at").stringValue());
        JsonNode read = pipeline.admin().get(CHANNELS + "/" + channelId).json();
        assertThat(read.get("config").get("secret").stringValue())
                .isEqualTo("whsec_****" + newSecret.substring(newSecret.length() - 4));

        pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));
        eventually().until(() -> receiver.requestsTo(url).size() == 1);
        WebhookReceiver.Request during = receiver.requestsTo(url).get(0);
        assertThat(Long.parseLong(during.header("webhook-timestamp"))).as("sent within the grace period")
                .isLessThan(graceEnds.getEpochSecond());
        assertThat(during.signatures()).hasSize(2);
        assertThat(during.verifiesWith(newSecret)).as("verified with the new secret").isTrue();
        assertThat(during.verifiesWith(oldSecret)).as("verified with the old secret").isTrue();
        assertThat(during.signatures().get(0)).as("the new secret's signature first").isEqualTo(
                WebhookSigner.sign(newSecret, during.header("webhook-id"), Long.parseLong(during.header("webhook-timestamp")),
                        during.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        eventually().until(() -> Instant.now().isAfter(graceEnds.plusSeconds(1)));
        pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));
        eventually().until(() -> receiver.requestsTo(url).size() == 2);
        WebhookReceiver.Request after = receiver.requestsTo(url).get(1);
        assertThat(after.signatures()).hasSize(1);
        assertThat(after.verifiesWith(newSecret)).isTrue();
        assertThat(after.verifiesWith(oldSecret)).isFalse();

        String audit = pipeline.admin().get("/api/audit-log").body();
        assertThat(audit).contains("channel.secret_rotated");
        String everywhere = String.join("\n", audit, pipeline.admin().get(CHANNELS).body(),
                pipeline.admin().get(CHANNELS + "/" + channelId).body(),
                pipeline.admin().get("/api/notifications/deliveries?channel_id=" + channelId).body(), output.getAll());
        assertThat(everywhere).doesNotContain(oldSecret).doesNotContain(newSecret)
                .doesNotContain(oldSecret.substring(6)).doesNotContain(newSecret.substring(6));
    }

    @Test
    void aTypeWithoutAGeneratedSecretIs409AndAnotherOrganizationsChannelIs404() {
        Pipeline pipeline = newPipeline();
        String pagerDuty = Channels.create(pipeline.admin(), Channels.pagerDuty("PD", Channels.newRoutingKey())).get("id")
                .stringValue();
        ApiResponse conflict = pipeline.admin().post(CHANNELS + "/" + pagerDuty + "/rotate-secret", "");
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();

        String webhookId = createWebhook(pipeline, receiver.url(newToken()), List.of("action.blocked")).get("id").stringValue();
        ApiResponse foreign = newTenant().admin().post(CHANNELS + "/" + webhookId + "/rotate-secret", "");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        ApiResponse viewer = pipeline.tenant().newUser("viewer").post(CHANNELS + "/" + webhookId + "/rotate-secret", "");
        assertThat(viewer.status()).as(viewer.toString()).isEqualTo(403);
    }
}
