package app.ascend.notify.channel.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.DeliveryRules;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RateLimit;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import app.ascend.notify.outbound.Redaction;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code webhook} channel type: every subscribed event (triggers and their acknowledges and
 * resolves, each its own message, never merged) POSTed as JSON to an https URL, signed per the Standard
 * Webhooks specification (https://www.standardwebhooks.com, spec 1.0.0: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}).
 * The URL is the destination and a secret (webhook URLs often carry a token); it is checked against
 * {@link OutboundAddressPolicy} when saved and before every send, and redirects are never followed.
 */
@Component
public class WebhookChannelType implements ChannelType {
    public static final String NAME = "webhook";
    static final String DISPLAY_NAME = "webhook receiver";
    static final String DELETED = "the channel was deleted";

    private final OutboundAddressPolicy policy;
    private final HttpSender sender;
    private final WebhookPayload payloads;
    private final Duration rotationGrace;
    private final Clock clock;

    public WebhookChannelType(OutboundHttp http, @Value("${ascend.public-url:}") String publicUrl,
            @Value("${ascend.webhook.timeout:15s}") Duration timeout,
            @Value("${ascend.webhook.rotation-grace:24h}") Duration rotationGrace, Clock clock) {
        this.policy = http.policy();
        // guardAddresses: the URL is user-entered, so every send checks its addresses again (DNS may have changed).
        this.sender = http.sender(NAME, DISPLAY_NAME, timeout, WebhookAnswers.KNOWN_STATUSES, true);
        this.payloads = new WebhookPayload(publicUrl);
        this.rotationGrace = rotationGrace;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public String destinationNoun() {
        return "URL";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new WebhookSettingsReader(channel, (WebhookSettings) stored, policy, clock.instant(), rotationGrace).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return WebhookSettings.fromJson(stored, rotationGrace);
    }

    /**
     * Every event a message of its own, in order per URL and dedup key; no incidents; the current settings
     * at send, since the secret may have been rotated (or the channel deleted) since the message was queued.
     */
    @Override
    public DeliveryRules rules() {
        return new DeliveryRules(false, false, DeliveryRules.FollowUps.EVERY_EVENT, true);
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        ObjectNode payload = payloads.event(channel, event, organizationName);
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        // Follow-ups first (they close what is open), then triggers by risk, when the URL's budget is spent.
        int priority = kind == MessageKind.TRIGGER ? RiskLevels.priority(RiskLevels.of(event)) : 0;
        if (kind == MessageKind.CHANGE || kind == MessageKind.NOTICE) {
            priority = RiskLevels.priority(RiskLevels.LOW); // information or news, behind follow-ups and riskier triggers
        }
        return new RenderedMessage(payload, priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        ObjectNode payload = payloads.test(channel, summary, dedupKey, organizationName, kind, clock.instant());
        return new RenderedMessage(payload, kind == MessageKind.RESOLVE ? 0 : RiskLevels.priority(RiskLevels.LOW), kind);
    }

    @Override
    public String maskDestination(String destination) {
        try {
            return Redaction.url(new URI(destination));
        } catch (URISyntaxException e) {
            return "(unreadable URL)";
        }
    }

    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return RateLimit.perMinute(settings == null ? WebhookSettings.DEFAULT_RATE_PER_MINUTE
                : ((WebhookSettings) settings).ratePerMinute());
    }

    /**
     * Signs the exact bytes it sends, with a fresh {@code webhook-timestamp} on every attempt (receivers
     * refuse one more than 5 minutes off) and the delivery's id as {@code webhook-id}, the same on every
     * retry so a receiver can drop repeats (spec "Webhook metadata").
     */
    @Override
    public SendResult send(Outgoing message) {
        if (message.settings() == null) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, DELETED, 0);
        }
        WebhookSettings settings = (WebhookSettings) message.settings();
        URI url;
        try {
            url = new URI(message.destination());
        } catch (URISyntaxException e) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "the channel's URL is not valid", 0);
        }
        byte[] body = WebhookPayload.bytes(message.payload());
        String webhookId = message.deliveryId().replace('.', '_');
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.signatureHeader(settings.signingSecrets(clock.instant()),
                webhookId, timestamp, body));
        return sender.post(url, headers, body, answer -> WebhookAnswers.classify(answer, clock));
    }
}
