package app.ascend.notify.channel.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
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
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import app.ascend.notify.outbound.Redaction;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code teams} channel type: every subscribed event (triggers, and their approvals, resolves and
 * acknowledges, each its own message) posted as an Adaptive Card to a Microsoft Teams channel through a
 * Workflows webhook ("Post to a channel when a webhook request is received"; Office 365 connectors are retired,
 * https://devblogs.microsoft.com/microsoft365dev/retirement-of-office-365-connectors-within-microsoft-teams/).
 * The webhook URL is the destination and a secret; it is checked against {@link OutboundAddressPolicy} when
 * saved and before every send, and redirects are never followed. Rules and sources:
 * shared/reference/teams/FACTS.md; the card: {@link TeamsCards}; answers: {@link TeamsAnswers}.
 */
@Component
public class TeamsChannelType implements ChannelType {
    public static final String NAME = "teams";
    static final String DISPLAY_NAME = "Microsoft Teams";
    /**
     * Microsoft documents "more than four requests in a second" per webhook as throttled
     * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook);
     * the Workflows connector's own per-connection limits are unpublished (FACTS.md §5), so the documented one holds.
     */
    static final RateLimit RATE = new RateLimit(4, Duration.ofSeconds(1));

    private final OutboundAddressPolicy policy;
    private final HttpSender sender;
    private final TeamsCards cards;
    private final Clock clock;

    public TeamsChannelType(OutboundHttp http, @Value("${ascend.public-url:}") String publicUrl,
            @Value("${ascend.teams.timeout:15s}") Duration timeout, Clock clock) {
        this.policy = http.policy();
        // guardAddresses: the URL is user-entered, so every send checks its addresses again (DNS may have changed).
        this.sender = http.sender(NAME, DISPLAY_NAME, timeout, TeamsAnswers.KNOWN_STATUSES, true);
        this.cards = new TeamsCards(publicUrl);
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
        return "webhook URL";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new TeamsSettingsReader(channel, (TeamsSettings) stored, policy).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return TeamsSettings.fromJson(stored);
    }

    @Override
    public Map<String, Map<String, String>> apiExamples() {
        return TeamsApiExamples.EXAMPLES;
    }

    /**
     * Every event a message of its own, in order per URL and dedup key, an approval or resolve only where its
     * alert went (a conversation); no incidents (a posted card cannot be updated through a webhook, FACTS.md §6);
     * no settings at send, since the URL is the whole destination.
     */
    @Override
    public DeliveryRules rules() {
        return new DeliveryRules(false, false, DeliveryRules.FollowUps.AFTER_TRIGGER, false);
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        TeamsSettings settings = channel == null ? null : (TeamsSettings) channel.settings();
        ObjectNode payload = cards.event(event, organizationName, settings);
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        // Follow-ups first, then triggers by risk (critical 0 … low 3), when the URL's budget is spent.
        int priority = kind == MessageKind.TRIGGER ? RiskLevel.of(event).map(RiskLevel::ordinal).orElse(3) : 0;
        if (kind == MessageKind.CHANGE || kind == MessageKind.NOTICE) {
            priority = RiskLevel.LOW.ordinal(); // information or news, behind follow-ups and riskier triggers
        }
        return new RenderedMessage(payload, priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        ObjectNode payload = cards.test(summary, dedupKey, organizationName, channel == null ? null : channel.name(), kind,
                clock.instant());
        return new RenderedMessage(payload, kind == MessageKind.RESOLVE ? 0 : RiskLevel.LOW.ordinal(), kind);
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
        return RATE;
    }

    /**
     * Posts the stored card. A card over Teams' limit is never sent (Teams would accept it with 202 and fail
     * the post in the flow's run history, FACTS.md §4): rendering keeps cards under it, so this only guards
     * a payload stored by another version.
     */
    @Override
    public SendResult send(Outgoing message) {
        URI url;
        try {
            url = new URI(message.destination());
        } catch (URISyntaxException e) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "the channel's webhook URL is not valid", 0);
        }
        byte[] body = TeamsMessage.bytes(message.payload());
        if (body.length > TeamsCards.MAX_BYTES) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "not sent: the card is " + body.length
                    + " bytes, over Teams' message size limit (about 28 KB; kept under " + TeamsCards.MAX_BYTES + ")", 0);
        }
        return sender.post(url, Map.of("Content-Type", "application/json"), body,
                answer -> TeamsAnswers.classify(answer, clock));
    }
}
