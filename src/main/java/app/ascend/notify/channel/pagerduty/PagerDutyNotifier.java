package app.ascend.notify.channel.pagerduty;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.delivery.spi.ChannelNotifier;
import app.ascend.notify.delivery.spi.MessageKind;
import app.ascend.notify.delivery.spi.RenderedMessage;
import app.ascend.notify.delivery.spi.SendResult;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.secret.KeyMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty's notifier: renders the product page's event format and sends it to the Events API v2.
 * A destination is {@code <region>|<routing key>}; the routing key goes into the body only when sent.
 */
@Component
public class PagerDutyNotifier implements ChannelNotifier {
    /** Stands in for the routing key while rendering, so the size check counts its 32 characters. */
    private static final String KEY_PLACEHOLDER = "0".repeat(PagerDutyLimits.ROUTING_KEY_LENGTH);
    private final PagerDutyEventMapper mapper = new PagerDutyEventMapper();
    private final JsonMapper json = JsonMapper.builder().build();
    private final PagerDutyClient client;
    private final String publicUrl;
    private final Clock clock;

    public PagerDutyNotifier(PagerDutyClient client, @Value("${ascend.public-url}") String publicUrl, Clock clock) {
        this.client = client;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public String channelType() {
        return PagerDutyChannelType.NAME;
    }

    @Override
    public String displayName() {
        return "PagerDuty";
    }

    @Override
    public Optional<String> destinationFor(Channel channel, EventType type) {
        PagerDutySettings settings = PagerDutySettings.fromJson(channel.settings());
        String key = settings.routingKeyFor(type);
        return key == null ? Optional.empty() : Optional.of(destination(settings.region(), key));
    }

    @Override
    public Optional<String> testDestination(Channel channel) {
        PagerDutySettings settings = PagerDutySettings.fromJson(channel.settings());
        String key = settings.defaultKey();
        return key == null ? Optional.empty() : Optional.of(destination(settings.region(), key));
    }

    /** The page's "Send Test Alert": severity info, so it never pages anyone urgently ([S4]). */
    @Override
    public RenderedMessage renderTest(Channel channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        PagerDutyEvent event;
        if (kind == MessageKind.RESOLVE) {
            event = PagerDutyEvent.followUp(null, PagerDutyEvent.RESOLVE, dedupKey);
        } else {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("test", true);
            details.put("channel_id", channel.id());
            details.put("channel_name", channel.name());
            details.put("organization", organizationName);
            PagerDutyPayload payload = new PagerDutyPayload(PagerDutyLimits.truncateSummary(summary), SeverityMapper.INFO,
                    PagerDutyEventMapper.SOURCE, null, organizationName, "test", clock.instant(), details);
            event = new PagerDutyEvent(null, PagerDutyEvent.TRIGGER, dedupKey, payload, null, PagerDutyEventMapper.CLIENT,
                    publicUrl);
        }
        return new RenderedMessage(json.readTree(mapper.encode(event)), 0, kind == MessageKind.RESOLVE
                ? MessageKind.RESOLVE : MessageKind.TEST);
    }

    static String destination(String region, String routingKey) {
        return region + "|" + routingKey;
    }

    static String region(String destination) {
        return destination.substring(0, destination.indexOf('|'));
    }

    static String routingKey(String destination) {
        return destination.substring(destination.indexOf('|') + 1);
    }

    @Override
    public String maskDestination(String destination) {
        return KeyMask.mask(routingKey(destination));
    }

    @Override
    public RenderedMessage render(Channel channel, GovernanceEvent event, String organizationName) {
        PagerDutySettings settings = PagerDutySettings.fromJson(channel.settings());
        RenderOptions options = new RenderOptions(KEY_PLACEHOLDER, organizationName, settings.severityMapping(),
                settings.runbookLinks(), settings.includeMetadata(), publicUrl);
        PagerDutyEvent rendered = mapper.render(event, options);
        ObjectNode payload = (ObjectNode) json.readTree(mapper.encode(rendered));
        payload.remove("routing_key");
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
        };
        return new RenderedMessage(payload, priority(rendered), kind);
    }

    /** Critical first when a key's budget is spent (issue: "critical first, then by age"). */
    private static int priority(PagerDutyEvent event) {
        if (event.payload() == null) {
            return 0; // acknowledge and resolve close what is open: never behind new triggers
        }
        return switch (event.payload().severity()) {
            case SeverityMapper.CRITICAL -> 0;
            case SeverityMapper.ERROR -> 1;
            case SeverityMapper.WARNING -> 2;
            default -> 3;
        };
    }

    @Override
    public JsonNode displayPayload(String maskedDestination, JsonNode payload) {
        return withRoutingKey(maskedDestination, payload);
    }

    @Override
    public SendResult send(String destination, JsonNode payload) {
        return client.enqueue(region(destination), json.writeValueAsBytes(withRoutingKey(routingKey(destination), payload)));
    }

    /** The body in PagerDuty's field order: routing_key first, as on the product page. */
    private static ObjectNode withRoutingKey(String routingKey, JsonNode payload) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("routing_key", routingKey);
        body.setAll((ObjectNode) payload);
        return body;
    }
}
