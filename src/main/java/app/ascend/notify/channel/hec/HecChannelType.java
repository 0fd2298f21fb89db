package app.ascend.notify.channel.hec;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.Batching;
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
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code splunk_hec} channel type: every subscribed event (triggers, acknowledges, approvals and resolves, each
 * its own record, never merged) sent to a Splunk HTTP Event Collector as a JSON event, many per request
 * ({@code POST <url>/services/collector/event} with {@code Authorization: Splunk <token>}; rules and sources:
 * shared/reference/splunk-hec/FACTS.md). The URL is checked against {@link OutboundAddressPolicy} when saved and
 * before every send, and redirects are never followed. The token is read from the channel's current settings at send,
 * so a corrected token applies to deliveries already queued. Every request carries a data channel
 * ({@code X-Splunk-Request-Channel}), one GUID per channel and service instance: harmless when the token does not use
 * indexer acknowledgement, required when it does (FACTS.md §6, §9).
 */
@Component
public class HecChannelType implements ChannelType {
    public static final String NAME = "splunk_hec";
    static final String DISPLAY_NAME = "Splunk HEC";
    static final String DELETED = "the channel was deleted";
    static final String CHANNEL_HEADER = "X-Splunk-Request-Channel";
    /** The content type Splunk's Java logging library sends (FACTS.md §1, [C1]). */
    static final String CONTENT_TYPE = "application/json; profile=\"urn:splunk:event:1.0\"; charset=utf-8";

    private final OutboundAddressPolicy policy;
    private final HecBatchSender batches;
    private final Clock clock;
    private final Map<String, UUID> dataChannels = new ConcurrentHashMap<>();

    public HecChannelType(OutboundHttp http, @Value("${ascend.hec.timeout:10s}") Duration timeout,
            @Value("${ascend.hec.ack-timeout:10s}") Duration ackTimeout, Clock clock) {
        this.policy = http.policy();
        // guardAddresses: the URL is user-entered, so every send checks its addresses again (DNS may have changed).
        HttpSender sender = http.sender(NAME, DISPLAY_NAME, timeout, HecAnswers.KNOWN_STATUSES, true);
        this.batches = new HecBatchSender(sender, new HecAckPoller(sender, ackTimeout), clock);
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
        return "collector URL and index";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new HecSettingsReader(channel, (HecSettings) stored, policy).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return HecSettings.fromJson(stored);
    }

    @Override
    public Map<String, Map<String, String>> apiExamples() {
        return HecApiExamples.EXAMPLES;
    }

    /**
     * Every event a record of its own (a SIEM keeps the whole story: approvals and resolutions too, whatever the
     * filters); no incidents; the current settings at send, for the token.
     */
    @Override
    public DeliveryRules rules() {
        return new DeliveryRules(false, false, DeliveryRules.FollowUps.EVERY_EVENT, true);
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        ObjectNode payload = HecEvents.event(channel, event, organizationName);
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        int priority = kind == MessageKind.TRIGGER ? RiskLevel.of(event).map(RiskLevel::ordinal).orElse(3) : 0;
        if (kind == MessageKind.CHANGE || kind == MessageKind.NOTICE) {
            priority = RiskLevel.LOW.ordinal(); // information or news, behind riskier triggers
        }
        return new RenderedMessage(payload, priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        ObjectNode payload = HecEvents.test(channel, summary, dedupKey, organizationName, kind, clock.instant());
        return new RenderedMessage(payload, kind == MessageKind.RESOLVE ? 0 : RiskLevel.LOW.ordinal(), kind);
    }

    @Override
    public String maskDestination(String destination) {
        return HecDestination.parse(destination).map(HecDestination::masked).orElse("(unreadable URL)");
    }

    /** HEC documents no request rate; back-pressure comes as 503 (or 429), which is retried. */
    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return RateLimit.NONE;
    }

    @Override
    public Batching batching(ChannelSettings settings) {
        return settings == null ? Batching.NONE : ((HecSettings) settings).batching();
    }

    @Override
    public SendResult send(Outgoing message) {
        return sendBatch(List.of(message)).get(0);
    }

    @Override
    public List<SendResult> sendBatch(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Outgoing first = messages.get(0);
        if (first.settings() == null) {
            return messages.stream().map(m -> SendResult.noAnswer(SendResult.Outcome.REJECTED, DELETED, 0)).toList();
        }
        HecSettings settings = (HecSettings) first.settings();
        Optional<HecDestination> destination = HecDestination.parse(first.destination());
        if (destination.isEmpty()) {
            return messages.stream().map(m -> SendResult.noAnswer(SendResult.Outcome.REJECTED,
                    "the channel's collector URL is not valid", 0)).toList();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("Authorization", "Splunk " + settings.token());
        headers.put(CHANNEL_HEADER, dataChannel(first.channelId()).toString());
        return batches.send(destination.get(), settings, headers, messages);
    }

    /** This instance's data channel for a channel: ackIds count per data channel (FACTS.md §6). */
    private UUID dataChannel(String channelId) {
        return dataChannels.computeIfAbsent(channelId == null ? "" : channelId, id -> UUID.randomUUID());
    }
}
