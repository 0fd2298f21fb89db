package app.ascend.notify.channel.slack;

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
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code slack} channel type: every subscribed event a Block Kit message of its own ({@link SlackMessage}),
 * posted to an incoming webhook or, with a bot token, through the Web API's {@code chat.postMessage}; a follow-up
 * updates the alert and replies in its thread in bot mode ({@link SlackFollowUp}), which is why its rules ask for
 * the alert's kept reference ({@code followUpsNeedOriginal}). About one message a second per Slack channel, the
 * rate Slack allows for both paths (https://docs.slack.dev/apis/web-api/rate-limits, FACTS.md §3).
 *
 * <p>The Web API's base URL is the operator's ({@code ASCEND_SLACK_API_URL}, default https://slack.com/api), so it
 * is not held to the outbound address rule (no vendor API base the operator sets is); webhook URLs are
 * user-entered and checked against {@link OutboundAddressPolicy} when saved and before every send. Redirects are
 * never followed.
 */
@Component
public class SlackChannelType implements ChannelType {
    public static final String NAME = "slack";
    static final String DISPLAY_NAME = "Slack";
    /**
     * Slack: "no more than one message per second per channel", short bursts tolerated, burst sizes unpublished
     * ([D3] "Limits when posting messages", "Burst limiting"; FACTS.md §3). One a second sustained, at most two at
     * once: a test alert and the resolve that closes it go together, and no burst is more than Slack's own
     * example of "above 1".
     */
    static final RateLimit PER_CHANNEL = new RateLimit(2, Duration.ofSeconds(2));
    private static final DeliveryRules RULES = new DeliveryRules(false, false, DeliveryRules.FollowUps.AFTER_TRIGGER, false,
            true);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundAddressPolicy policy;
    private final HttpSender webhookSender;
    private final HttpSender apiSender;
    private final String apiBase;
    private final SlackMessage messages;
    private final Clock clock;

    public SlackChannelType(OutboundHttp http, @Value("${ascend.public-url:}") String publicUrl,
            @Value("${ascend.slack.api-url:https://slack.com/api}") String apiBase,
            @Value("${ascend.slack.timeout:10s}") Duration timeout, Clock clock) {
        this.policy = http.policy();
        // guardAddresses: webhook URLs are user-entered; the Web API's base only the operator sets.
        this.webhookSender = http.sender(NAME, DISPLAY_NAME, timeout, SlackAnswers.KNOWN_STATUSES, true);
        this.apiSender = http.sender(NAME, DISPLAY_NAME, timeout, SlackAnswers.KNOWN_STATUSES, false);
        String base = apiBase == null || apiBase.isBlank() ? "https://slack.com/api" : apiBase.strip();
        this.apiBase = base.replaceAll("/+$", "");
        this.messages = new SlackMessage(publicUrl);
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
        return "Slack channel";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new SlackSettingsReader(channel, (SlackSettings) stored, policy).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return SlackSettings.fromJson(stored);
    }

    @Override
    public Map<String, Map<String, String>> apiExamples() {
        return SlackApiExamples.EXAMPLES;
    }

    /**
     * Every subscribed event a message of its own (no incidents, never merged), in order per Slack channel and
     * dedup key; follow-ups get their alert's kept reference, to update it.
     */
    @Override
    public DeliveryRules rules() {
        return RULES;
    }

    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return PER_CHANNEL;
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        ObjectNode payload = messages.event(event, organizationName, (SlackSettings) channel.settings());
        MessageKind kind = switch (event.type().action()) {
            case TRIGGER -> MessageKind.TRIGGER;
            case ACKNOWLEDGE -> MessageKind.ACKNOWLEDGE;
            case RESOLVE -> MessageKind.RESOLVE;
            case NOTICE -> MessageKind.NOTICE;
            case CHANGE -> MessageKind.CHANGE;
        };
        // Follow-ups first (they close what is open), then triggers by risk, when the channel's budget is spent.
        int priority = kind == MessageKind.TRIGGER
                ? RiskLevel.of(event).map(RiskLevel::ordinal).orElse(RiskLevel.LOW.ordinal()) : 0;
        if (kind == MessageKind.CHANGE || kind == MessageKind.NOTICE) {
            priority = RiskLevel.LOW.ordinal(); // information or news: behind follow-ups and riskier triggers
        }
        return new RenderedMessage(payload, priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        ObjectNode payload = messages.test(channel == null ? null : channel.name(), summary, dedupKey, organizationName,
                kind, clock.instant());
        return new RenderedMessage(payload, kind == MessageKind.RESOLVE ? 0 : RiskLevel.LOW.ordinal(),
                kind == MessageKind.RESOLVE ? MessageKind.RESOLVE : MessageKind.TEST);
    }

    @Override
    public String maskDestination(String destination) {
        try {
            return SlackDestination.decode(destination).masked();
        } catch (RuntimeException unreadable) {
            return "(unreadable Slack destination)";
        }
    }

    /** The message as posted (what only ASCEND reads left out). */
    @Override
    public JsonNode displayPayload(String maskedDestination, JsonNode payload) {
        return payload.isObject() ? SlackMessage.posted(payload) : payload;
    }

    @Override
    public SendResult send(Outgoing message) {
        SlackDestination destination;
        try {
            destination = SlackDestination.decode(message.destination());
        } catch (RuntimeException e) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "the channel's Slack destination is not valid", 0);
        }
        if (message.kind() == MessageKind.NOTICE) {
            return sendNotice(destination, message);
        }
        JsonNode meta = SlackMessage.meta(message.payload());
        boolean followUp = message.kind() == MessageKind.RESOLVE || message.kind() == MessageKind.ACKNOWLEDGE;
        SlackRemoteRef original = followUp ? SlackRemoteRef.decode(message.originalRef()) : null;
        if (!destination.isBot()) {
            return sendToWebhook(destination, message, meta, followUp, original);
        }
        if (followUp && original != null && original.canUpdate() && original.channel().equals(destination.channel())) {
            SendResult updated = updateAndReply(destination, meta, original);
            if (updated != null) {
                return updated;
            }
        }
        ObjectNode body = followUp ? SlackFollowUp.quoting(message.payload(), original) : SlackMessage.posted(message.payload());
        body.put("channel", destination.channel());
        SlackAnswers.WebApiAnswer answer = call("chat.postMessage", destination.botToken(), body);
        if (!followUp && answer.result().delivered()) {
            String channel = answer.channel() != null ? answer.channel() : destination.channel();
            return keep(answer.result(), SlackRemoteRef.of(meta, channel, answer.ts()));
        }
        return answer.result();
    }

    /** A notice is posted, never edits the alert, and keeps no reference (nothing follows it up). */
    private SendResult sendNotice(SlackDestination destination, Outgoing message) {
        ObjectNode body = SlackNotice.body(message.payload(), SlackRemoteRef.decode(message.originalRef()), destination);
        if (destination.isBot()) {
            return call("chat.postMessage", destination.botToken(), body).result();
        }
        URI url;
        try {
            url = new URI(destination.webhookUrl());
        } catch (URISyntaxException e) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "the channel's webhook URL is not valid", 0);
        }
        return webhookSender.post(url, headers(null), JSON.writeValueAsBytes(body), answer -> SlackAnswers.webhook(answer, clock));
    }

    private SendResult sendToWebhook(SlackDestination destination, Outgoing message, JsonNode meta, boolean followUp,
            SlackRemoteRef original) {
        URI url;
        try {
            url = new URI(destination.webhookUrl());
        } catch (URISyntaxException e) {
            return SendResult.noAnswer(SendResult.Outcome.REJECTED, "the channel's webhook URL is not valid", 0);
        }
        ObjectNode body = followUp ? SlackFollowUp.quoting(message.payload(), original) : SlackMessage.posted(message.payload());
        SendResult result = webhookSender.post(url, headers(null), JSON.writeValueAsBytes(body),
                answer -> SlackAnswers.webhook(answer, clock));
        // A webhook returns no ts (FACTS.md §1): what is kept is only for quoting the alert in its follow-ups.
        return !followUp && result.delivered() ? keep(result, SlackRemoteRef.of(meta, null, null)) : result;
    }

    /**
     * {@code chat.update} of the alert, then the thread reply; the reply's result is the delivery's. Null when
     * the alert cannot be updated (deleted, not this bot's, edit window closed): the follow-up is then posted as a
     * message of its own. A retry repeats the update, which changes nothing the second time.
     */
    private SendResult updateAndReply(SlackDestination destination, JsonNode meta, SlackRemoteRef original) {
        SlackAnswers.WebApiAnswer update = call("chat.update", destination.botToken(), SlackFollowUp.update(meta, original));
        if (!update.result().delivered()) {
            return SlackAnswers.UPDATE_IMPOSSIBLE.contains(update.error()) ? null : update.result();
        }
        SlackAnswers.WebApiAnswer reply = call("chat.postMessage", destination.botToken(),
                SlackFollowUp.threadReply(meta, original));
        SendResult result = reply.result();
        long latency = update.result().latencyMillis() + result.latencyMillis();
        String said = result.delivered() ? "Slack updated the alert (ts " + original.ts() + ") and replied in its thread"
                : "Slack updated the alert (ts " + original.ts() + "), but the thread reply failed: " + result.message();
        if (!result.delivered() && SlackAnswers.UPDATE_IMPOSSIBLE.contains(reply.error())) {
            // The alert shows its new state; a thread that takes no reply is not worth a failed delivery.
            return new SendResult(SendResult.Outcome.DELIVERED, update.result().httpStatus(), said, List.of(), null, latency,
                    update.result().responseBody());
        }
        return new SendResult(result.outcome(), result.httpStatus(), said, result.errors(), result.retryAfter(), latency,
                result.responseBody());
    }

    private SlackAnswers.WebApiAnswer call(String method, String token, ObjectNode body) {
        SlackAnswers.WebApiAnswer[] answer = new SlackAnswers.WebApiAnswer[1];
        SendResult result = apiSender.post(URI.create(apiBase + "/" + method), headers(token), JSON.writeValueAsBytes(body),
                http -> {
                    answer[0] = SlackAnswers.webApi(http, clock, method);
                    return answer[0].result();
                });
        // No answer (timeout, connection refused): the sender's own result, retried.
        return answer[0] != null ? answer[0] : new SlackAnswers.WebApiAnswer(result, null, null, null);
    }

    /**
     * JSON bodies need the token in the Authorization header and an explicit charset
     * (https://docs.slack.dev/apis/web-api/ "JSON-encoded bodies", FACTS.md §4).
     */
    private static Map<String, String> headers(String token) {
        return token == null ? Map.of("Content-Type", "application/json; charset=utf-8")
                : Map.of("Content-Type", "application/json; charset=utf-8", "Authorization", "Bearer " + token);
    }

    private static SendResult keep(SendResult result, SlackRemoteRef ref) {
        String encoded = ref.encoded();
        return encoded == null ? result : result.withRemoteRef(encoded);
    }
}
