package app.ascend.notify.channel.pagerduty;

import java.util.List;
import java.util.Map;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.InboundWebhooks;

/**
 * PagerDuty's v3 webhook subscriptions into a PagerDuty channel: verified with the subscription's signing
 * secret ({@code config.webhook_secret}), read by {@link WebhookEventReader}.
 */
final class PagerDutyInboundWebhooks implements InboundWebhooks {
    /**
     * PagerDuty sends up to 256 KB best effort and drops larger deliveries
     * (https://developer.pagerduty.com/docs/webhooks-behavior): nothing larger is ever genuine.
     */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** The types a subscription should send: the ones that change or describe ASCEND's incident. */
    static final List<String> SUBSCRIBED_TYPES = List.of("incident.triggered", "incident.acknowledged",
            "incident.unacknowledged", "incident.resolved", "incident.reopened", "incident.reassigned",
            "incident.escalated", "incident.annotated");

    private final WebhookEventReader reader = new WebhookEventReader();

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    /** PagerDuty retries a delivery periodically for up to 48 h (https://developer.pagerduty.com/docs/webhooks-behavior). */
    @Override
    public java.time.Duration retriesFor() {
        return java.time.Duration.ofHours(48);
    }

    @Override
    public boolean verifies(ChannelSettings settings, Map<String, List<String>> headers, byte[] rawBody) {
        return settings instanceof PagerDutySettings pagerDuty
                && WebhookSignature.verifies(pagerDuty.webhookSecret(), headers.get(WebhookSignature.HEADER), rawBody);
    }

    @Override
    public InboundRead read(Map<String, List<String>> headers, byte[] rawBody) {
        return reader.read(headers, rawBody);
    }

    /** Per https://developer.pagerduty.com/docs/webhooks-overview (subscriptions) and its REST API. */
    @Override
    public List<String> setupSteps(String webhookUrl) {
        return List.of(
                "In PagerDuty, open Integrations > Generic Webhooks (v3) and choose + New Webhook (or POST "
                        + "/webhook_subscriptions on the REST API).",
                "Webhook URL: " + webhookUrl,
                "Scope Type: Service, and the service whose Events API v2 integration key this channel sends to.",
                "Event Subscription: " + String.join(", ", SUBSCRIBED_TYPES) + ".",
                "Add Webhook, then copy the Signing Secret PagerDuty shows once into this channel's "
                        + "config.webhook_secret.",
                "Send Test Event: the ping is listed under the channel's received webhooks "
                        + "(GET /api/notifications/channels/{id}/webhooks).");
    }
}
