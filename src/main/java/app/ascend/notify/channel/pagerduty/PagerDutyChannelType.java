package app.ascend.notify.channel.pagerduty;

import java.time.Clock;
import java.util.List;
import java.util.Set;

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
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code pagerduty} channel type: its {@code config}, {@code severity_mapping} and
 * {@code routing_rules} (which keys in them are secret, the advice a user needs before PagerDuty refuses
 * an event), the product page's event format, and the Events API v2 as the destination. A destination
 * is {@code <region>|<routing key>}; the routing key goes into the body only when sent.
 *
 * <p>Delivery rules: PagerDuty keeps one alert per routing key and dedup key and only appends a repeated
 * trigger to it, so a trigger merges into one of the same incident still waiting; resolves and
 * acknowledges go where an incident is open (https://developer.pagerduty.com/docs/events-api-v2-overview,
 * FACTS.md §3); about 120 events per minute per routing key (FACTS.md §5, [D5]).
 */
@Component
public class PagerDutyChannelType implements ChannelType {
    public static final String NAME = "pagerduty";
    /** A change is information, not a page: it waits like an info trigger (0 critical … 3 info). */
    private static final int CHANGE_PRIORITY = 3;
    private static final DeliveryRules RULES = new DeliveryRules(true, true, DeliveryRules.FollowUps.OPEN_INCIDENTS, false);
    /** Stands in for the routing key while rendering, so the size check counts its 32 characters. */
    private static final String KEY_PLACEHOLDER = "0".repeat(PagerDutyLimits.ROUTING_KEY_LENGTH);
    /*
     * PagerDuty keeps one alert per routing key and dedup key (FACTS.md §3), so the outbox orders messages
     * per destination across channels.
     */
    private static final String SHARED_SEQUENCE = "For one action both channels page the same PagerDuty alert, so "
            + "their messages to it share one ordered sequence: a message through either channel waits until the "
            + "earlier ones through both were sent, and the approval's resolve, through either, closes the alert "
            + "for both.";
    static final Set<String> CONFIG_FIELDS = Set.of("integration_key", "routing_key", "region", "routing_keys",
            "runbook_links", "include_metadata", "webhook_secret", "rest_api_token");

    private final PagerDutyEventMapper mapper = new PagerDutyEventMapper();
    private final PagerDutyChangeMapper changes = new PagerDutyChangeMapper();
    private final PagerDutyInboundWebhooks inbound = new PagerDutyInboundWebhooks();
    private final JsonMapper json = JsonMapper.builder().build();
    private final PagerDutyClient client;
    private final PagerDutyReconciliation reconciliation;
    private final String publicUrl;
    private final RateLimit rateLimit;
    private final Clock clock;

    /** {@code ascend.pagerduty.rate-limit}: events per 60 s per routing key ({@code ASCEND_PAGERDUTY_RATE_LIMIT}, 0 = none). */
    public PagerDutyChannelType(PagerDutyClient client, PagerDutyRestClient restClient,
            @Value("${ascend.public-url}") String publicUrl,
            @Value("${ascend.pagerduty.rate-limit:120}") int ratePerMinute, Clock clock) {
        this.client = client;
        this.reconciliation = new PagerDutyReconciliation(restClient);
        this.publicUrl = publicUrl;
        this.rateLimit = RateLimit.perMinute(ratePerMinute);
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "PagerDuty";
    }

    @Override
    public String destinationNoun() {
        return "routing key";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config", "severity_mapping", "routing_rules");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new PagerDutySettingsReader(channel, (PagerDutySettings) stored).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return PagerDutySettings.fromJson(stored);
    }

    @Override
    public java.util.Map<String, java.util.Map<String, String>> apiExamples() {
        return PagerDutyApiExamples.EXAMPLES;
    }

    @Override
    public DeliveryRules rules() {
        return RULES;
    }

    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return rateLimit;
    }

    @Override
    public String duplicateWarning(String otherChannel, List<String> sharedTypes) {
        return otherChannel + " also sends " + String.join(", ", sharedTypes)
                + " to the same routing key, so each such event is sent twice (the page's \"Duplicate Alerts\"). "
                + "PagerDuty folds the copies into one incident, but they spend the key's rate limit twice; "
                + "narrow one channel's events or disable it. " + SHARED_SEQUENCE;
    }

    @Override
    public String sharedDestinationWarning(String otherChannel) {
        return otherChannel + " pages the same routing key for other events. " + SHARED_SEQUENCE;
    }

    /** The page's "Send Test Alert": severity info, so it never pages anyone urgently ([S4]). */
    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
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

    @Override
    public String maskDestination(String destination) {
        return KeyMask.mask(PagerDutySettings.routingKeyOf(destination));
    }

    /**
     * Notices ({@code incident.acknowledged}, ...) report what happened to a PagerDuty incident, so PagerDuty is
     * their source: sending one back would only echo it (or, with a webhook subscription, loop).
     */
    @Override
    public java.util.Optional<String> refuses(EventType type) {
        if (type.action() == EventType.Action.NOTICE) {
            return java.util.Optional.of(type + " reports what a destination (such as PagerDuty itself) did to an "
                    + "incident, so a PagerDuty channel never receives it; subscribe a webhook, Slack, Teams, Splunk HEC "
                    + "or syslog channel to it instead");
        }
        return java.util.Optional.empty();
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        PagerDutySettings settings = (PagerDutySettings) channel.settings();
        RenderOptions options = new RenderOptions(KEY_PLACEHOLDER, organizationName, settings.severityMapping(),
                settings.runbookLinks(), settings.includeMetadata(), publicUrl);
        if (event.type().action() == EventType.Action.CHANGE) {
            return renderChange(event, options);
        }
        PagerDutyEventCodec.Encoded encoded = mapper.renderEncoded(event, options);
        PagerDutyEvent rendered = encoded.event();
        ObjectNode payload = (ObjectNode) json.readTree(encoded.json());
        payload.remove("routing_key");
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        return new RenderedMessage(payload, priority(rendered), kind);
    }

    /**
     * A change goes to the Change Events API ({@code /v2/change/enqueue}, FACTS.md §6): no event_action, no
     * dedup_key; it waits behind every trigger when the key's budget (shared with alert events) is spent.
     */
    private RenderedMessage renderChange(GovernanceEvent event, RenderOptions options) {
        ObjectNode payload = (ObjectNode) json.readTree(changes.encode(changes.render(event, options)));
        payload.remove("routing_key");
        return new RenderedMessage(payload, CHANGE_PRIORITY, MessageKind.CHANGE);
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
    public SendResult send(Outgoing message) {
        String destination = message.destination();
        if (message.kind() == MessageKind.CHANGE) {
            return client.enqueueChange(PagerDutySettings.regionOf(destination),
                    json.writeValueAsBytes(withRoutingKey(PagerDutySettings.routingKeyOf(destination), message.payload())));
        }
        return client.enqueue(PagerDutySettings.regionOf(destination),
                json.writeValueAsBytes(withRoutingKey(PagerDutySettings.routingKeyOf(destination), message.payload())));
    }

    /** The body in PagerDuty's field order: routing_key first, as on the product page. */
    private static ObjectNode withRoutingKey(String routingKey, JsonNode payload) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("routing_key", routingKey);
        body.setAll((ObjectNode) payload);
        return body;
    }

    @Override
    public java.util.Optional<app.ascend.notify.channel.spi.InboundWebhooks> inboundWebhooks() {
        return java.util.Optional.of(inbound);
    }

    /** With {@code config.rest_api_token}: the REST API's incidents, by incident key. */
    @Override
    public java.util.Optional<app.ascend.notify.channel.spi.Reconciliation> reconciliation() {
        return java.util.Optional.of(reconciliation);
    }
}
