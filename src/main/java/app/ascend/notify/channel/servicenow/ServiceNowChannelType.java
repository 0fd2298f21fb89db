package app.ascend.notify.channel.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.DeliveryRules;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RateLimit;
import app.ascend.notify.channel.spi.RemoteLink;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code servicenow} channel type: one incident per action in a ServiceNow instance, through the Table API.
 * <ul>
 * <li>A trigger first looks for an open incident of its {@code correlation_id} (the dedup key): found, it adds a work
 * note to it; not found, it creates one ({@code POST …/incident}). So a trigger whose create was made but whose
 * answer was lost (a crash, a dropped connection) finds its incident on the retry and never makes a second
 * (FACTS.md §8 "Dedup flow"). The incident's {@code sys_id}, {@code number} and page are kept
 * ({@link ServiceNowRemoteRef}) and shown with the delivery ({@link #remoteLink}).
 * <li>The action approved or resolved resolves that incident ({@code PATCH …/incident/{sys_id}}: state, Resolution
 * code and notes, configurable since instances differ, §5); acknowledged adds a work note.
 * <li>Messages of one action to one instance go in order (the core's sequence per destination and dedup key), so
 * two sends never look up and create one key at once in this process; another integration writing the same
 * correlation ids could still race (§8: a unique index would be the instance's change, not ours).
 * </ul>
 * The instance URL is user-entered: checked against {@link OutboundAddressPolicy} when saved and before every
 * request; redirects are never followed.
 */
@Component
public class ServiceNowChannelType implements ChannelType {
    public static final String NAME = "servicenow";
    static final String DISPLAY_NAME = "ServiceNow";
    static final String DELETED = "the channel was deleted";
    /**
     * ServiceNow has no rate limit unless an admin makes a Rate Limit Rule, counted per hour per user (FACTS.md §6
     * [RL]); a message is two requests (lookup, then create or update). 120 messages a minute per instance is our
     * choice: a storm is spread rather than spent on an hourly rule in seconds, and a 429 still waits for its
     * Retry-After.
     */
    static final String CHANGE_REFUSED = "a change is not a ticket: ServiceNow channels take no change events "
            + "(policy.changed, agent.deployed, agent.permissions_changed); send them to a paging, webhook, chat or "
            + "SIEM channel";
    static final RateLimit RATE = RateLimit.perMinute(120);
    private static final DeliveryRules RULES = new DeliveryRules(true, true, DeliveryRules.FollowUps.OPEN_INCIDENTS, true,
            true);

    private final OutboundAddressPolicy policy;
    private final HttpSender sender;
    private final OAuthTokens tokens;
    private final ServiceNowTicket tickets;
    private final Clock clock;
    private final Duration startBy;

    /**
     * {@code timeout}: per request ({@code ASCEND_SERVICENOW_TIMEOUT}, 10 s); {@code lease}: the dispatcher's claim on
     * a delivery, which one send must not outlive (see {@link ServiceNowClient}): a request starts only while one
     * whole timeout and two seconds still fit in it.
     */
    public ServiceNowChannelType(OutboundHttp http, @Value("${ascend.public-url:}") String publicUrl,
            @Value("${ascend.servicenow.timeout:10s}") Duration timeout,
            @Value("${ascend.delivery.lease:30s}") Duration lease, Clock clock) {
        this.policy = http.policy();
        // guardAddresses: the instance URL is user-entered, so every request checks its addresses again.
        this.sender = http.sender(NAME, DISPLAY_NAME, timeout, ServiceNowAnswers.KNOWN_STATUSES, true);
        this.tokens = new OAuthTokens(clock);
        this.tickets = new ServiceNowTicket(publicUrl);
        this.clock = clock;
        Duration room = lease.minus(timeout).minusSeconds(2);
        this.startBy = room.isNegative() ? Duration.ZERO : room;
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
        return "ServiceNow instance";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config", "priority_mapping");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new ServiceNowSettingsReader(channel, (ServiceNowSettings) stored, policy).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return ServiceNowSettings.fromJson(stored);
    }

    @Override
    public Map<String, Map<String, String>> apiExamples() {
        return ServiceNowApiExamples.EXAMPLES;
    }

    /**
     * One incident per action: a later trigger merges into one still waiting (the ticket gets one note, not one per
     * repeat); approvals and resolves go to the instance that has the incident open, with the trigger's kept
     * reference; the current settings at send, since the password or client secret may have been rotated.
     */
    @Override
    public DeliveryRules rules() {
        return RULES;
    }

    /**
     * A change ({@code policy.changed}, {@code agent.deployed}, ...) is not a ticket: an incident would need someone to
     * close it, and ServiceNow's change requests ask for approval before a change, whereas ASCEND reports one already
     * made. So channels of this type take none; a channel listing one is refused with this sentence.
     * Notices ({@code incident.acknowledged}, ...) are refused too, for now: the natural form is a work note on the
     * action's ticket, which would need a ticket to exist for every notice's action (a notice comes from another
     * channel's incident, often of an action this instance never got). Refused rather than half done.
     */
    @Override
    public Optional<String> refuses(EventType type) {
        if (type.action() == EventType.Action.CHANGE) {
            return Optional.of(CHANGE_REFUSED);
        }
        if (type.action() == EventType.Action.NOTICE) {
            return Optional.of(type + " reports what a destination did to an incident; a ServiceNow channel does not "
                    + "take such notices (yet: they would be work notes on the ticket); subscribe a webhook, Slack, Teams, "
                    + "Splunk HEC or syslog channel to it instead");
        }
        return Optional.empty();
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        ObjectNode payload = tickets.event(event, organizationName, (ServiceNowSettings) channel.settings());
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        int priority = kind == MessageKind.TRIGGER
                ? RiskLevel.of(event).map(RiskLevel::ordinal).orElse(RiskLevel.LOW.ordinal()) : 0;
        return new RenderedMessage(payload, priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        ObjectNode payload = tickets.test(summary, dedupKey, organizationName, channel == null ? null : channel.name(),
                kind, clock.instant(), (ServiceNowSettings) channel.settings());
        boolean resolve = kind == MessageKind.RESOLVE;
        return new RenderedMessage(payload, resolve ? 0 : RiskLevel.LOW.ordinal(),
                resolve ? MessageKind.RESOLVE : MessageKind.TEST);
    }

    @Override
    public String maskDestination(String destination) {
        return ServiceNowSettings.maskInstance(destination);
    }

    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return RATE;
    }

    /** Two channels on one instance find one incident per action by its correlation id: a note, not a second ticket. */
    @Override
    public String duplicateWarning(String otherChannel, List<String> sharedTypes) {
        return otherChannel + " also sends " + String.join(", ", sharedTypes) + " to the same ServiceNow instance: both "
                + "find one incident per action by its correlation_id, so the second adds a work note to it rather than "
                + "a second ticket; narrow one channel's events or disable it.";
    }

    @Override
    public Optional<RemoteLink> remoteLink(String remoteRef) {
        ServiceNowRemoteRef ref = ServiceNowRemoteRef.decode(remoteRef);
        return ref == null ? Optional.empty() : Optional.ofNullable(ref.link());
    }

    @Override
    public SendResult send(Outgoing message) {
        if (message.settings() == null) {
            return SendResult.noAnswer(Outcome.REJECTED, DELETED, 0);
        }
        ServiceNowSettings settings = (ServiceNowSettings) message.settings();
        JsonNode payload = message.payload();
        String correlationId = ServiceNowTicket.text(payload, "correlation_id");
        if (correlationId == null) {
            return SendResult.noAnswer(Outcome.REJECTED, "the stored message has no correlation_id (a bug: report it)", 0);
        }
        ServiceNowClient client = new ServiceNowClient(sender, tokens, clock, message.channelId(),
                message.destination(), settings.auth(), startBy);
        return switch (message.kind()) {
            case TRIGGER, TEST -> new ServiceNowTrigger(client, settings).send(payload, correlationId,
                    message.attempt());
            case RESOLVE, ACKNOWLEDGE -> new ServiceNowFollowUp(client, settings).send(payload, correlationId,
                    message.kind(), ServiceNowRemoteRef.decode(message.originalRef()));
            // Never routed here (refuses); a stored one from another version is refused, never retried.
            case NOTICE -> SendResult.noAnswer(Outcome.REJECTED, "a ServiceNow channel takes no notices", 0);
            case CHANGE -> SendResult.noAnswer(Outcome.REJECTED, CHANGE_REFUSED, 0); // refused before routing; never queued
        };
    }
}
