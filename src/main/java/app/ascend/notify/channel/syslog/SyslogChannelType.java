package app.ascend.notify.channel.syslog;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
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
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.RiskLevel;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code syslog} channel type: every subscribed event (triggers, and approvals, resolves and acknowledges, each
 * its own record) sent as ArcSight CEF in an RFC 5424 message over RFC 5425 TLS to a SIEM's syslog receiver
 * (QRadar's TLS Syslog listener, a Sentinel log forwarder's rsyslog, ArcSight's connector). Rules and sources:
 * shared/reference/syslog-cef/FACTS.md; the mapping: {@link CefMapper} and docs/siem.md; the message and frame:
 * {@link SyslogMessage}; the connection: {@link SyslogConnections}.
 *
 * <p>The stored payload is the message as sent ({@code {"syslog_message": "<164>1 …"}}), its time the event's, so
 * the delivery log shows what went out and a retry sends the same bytes. The destination is {@code host:port}
 * (not secret); a record goes over the channel's current settings (server and CA), so fixing a wrong CA or host
 * delivers what waited.
 */
@Component
public class SyslogChannelType implements ChannelType, DisposableBean {
    public static final String NAME = "syslog";
    static final String DISPLAY_NAME = "syslog server";
    static final String PAYLOAD_FIELD = "syslog_message";
    /** Records written per flush; the bytes bound the batch to a few dozen maximal records. */
    static final Batching BATCHING = new Batching(100, 256 * 1024, Duration.ZERO);

    private final OutboundAddressPolicy policy;
    private final SyslogConnections connections;
    private final CefMapper mapper;
    private final String localHostname;
    private final Clock clock;

    public SyslogChannelType(OutboundAddressPolicy policy, @Value("${ascend.public-url:}") String publicUrl,
            @Value("${ascend.syslog.timeout:15s}") Duration timeout,
            @Value("${ascend.syslog.idle-timeout:5m}") Duration idleTimeout, Clock clock) {
        this.policy = policy;
        this.connections = new SyslogConnections(policy, timeout, idleTimeout, clock);
        String version = SyslogChannelType.class.getPackage().getImplementationVersion();
        this.mapper = new CefMapper(version == null ? "unknown" : version, publicUrl);
        this.localHostname = localHostname();
        this.clock = clock;
    }

    /** RFC 5424 §6.2.4 prefers the FQDN; what the JVM knows of this host, or the NILVALUE. */
    private static String localHostname() {
        try {
            return SyslogMessage.headerField(InetAddress.getLocalHost().getCanonicalHostName(), 255);
        } catch (java.io.IOException | RuntimeException e) {
            return SyslogMessage.NIL;
        }
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
        return "syslog server";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("config");
    }

    @Override
    public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
        return new SyslogSettingsReader(channel, policy).read();
    }

    @Override
    public ChannelSettings parse(ObjectNode stored) {
        return SyslogSettings.fromJson(stored);
    }

    @Override
    public Map<String, Map<String, String>> apiExamples() {
        return SyslogApiExamples.EXAMPLES;
    }

    /**
     * Every subscribed event a record of its own (a SIEM wants the approvals too), in order per server and dedup
     * key; no incidents; the current settings at send, for the server and the CA to trust.
     */
    @Override
    public DeliveryRules rules() {
        return new DeliveryRules(false, false, DeliveryRules.FollowUps.EVERY_EVENT, true);
    }

    @Override
    public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
        SyslogSettings settings = channel == null ? null : (SyslogSettings) channel.settings();
        CefRecord record = mapper.event(event, organizationName);
        MessageKind kind = CefMapper.kindOf(event.type());
        int priority = kind == MessageKind.TRIGGER ? RiskLevel.of(event).map(RiskLevel::ordinal).orElse(3) : 0;
        if (kind == MessageKind.CHANGE || kind == MessageKind.NOTICE) {
            priority = RiskLevel.LOW.ordinal(); // information or news, behind riskier triggers
        }
        return new RenderedMessage(payload(settings, new SyslogMessage(0, null, null, event.occurredAt(), record)),
                priority, kind);
    }

    @Override
    public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
            MessageKind kind) {
        SyslogSettings settings = channel == null ? null : (SyslogSettings) channel.settings();
        java.time.Instant now = clock.instant();
        CefRecord record = mapper.test(summary, dedupKey, organizationName, channel == null ? null : channel.name(), kind,
                now.toEpochMilli());
        return new RenderedMessage(payload(settings, new SyslogMessage(0, null, null, now, record)),
                kind == MessageKind.RESOLVE ? 0 : RiskLevel.LOW.ordinal(), kind);
    }

    /** The message with the channel's header fields, as stored. */
    private ObjectNode payload(SyslogSettings settings, SyslogMessage bare) {
        SyslogFacility facility = settings == null ? SyslogFacility.DEFAULT : settings.facility();
        String hostname = settings == null || settings.hostname() == null ? localHostname : settings.hostname();
        String appName = settings == null ? SyslogSettings.DEFAULT_APP_NAME : settings.appName();
        SyslogMessage message = new SyslogMessage(facility.code(), hostname, appName, bare.time(), bare.cef());
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put(PAYLOAD_FIELD, message.text());
        return payload;
    }

    @Override
    public String maskDestination(String destination) {
        return destination;
    }

    /** A SIEM collector takes thousands of events a second; the outbox's workers bound the pace. */
    @Override
    public RateLimit rateLimit(String destination, ChannelSettings settings) {
        return RateLimit.NONE;
    }

    @Override
    public Batching batching(ChannelSettings settings) {
        return BATCHING;
    }

    @Override
    public SendResult send(Outgoing message) {
        return sendBatch(List.of(message)).get(0);
    }

    /**
     * Writes every record of the batch on the server's connection and flushes once: all are delivered (written to a
     * live connection) or none is, with one message saying why.
     */
    @Override
    public List<SendResult> sendBatch(List<Outgoing> messages) {
        long started = System.nanoTime();
        SyslogSettings settings = (SyslogSettings) messages.get(0).settings();
        if (settings == null) {
            return same(messages, SendResult.noAnswer(Outcome.REJECTED, "not sent: the channel was deleted", 0));
        }
        List<byte[]> frames = new ArrayList<>();
        for (Outgoing message : messages) {
            JsonNode text = message.payload() == null ? null : message.payload().get(PAYLOAD_FIELD);
            if (text == null || !text.isString()) {
                return same(messages, SendResult.noAnswer(Outcome.REJECTED, "not sent: the stored record has no "
                        + PAYLOAD_FIELD, 0));
            }
            frames.add(SyslogMessage.frame(text.stringValue()));
        }
        SyslogConnections.Target target = settings.target();
        try {
            connections.write(target, frames);
            long took = (System.nanoTime() - started) / 1_000_000;
            return same(messages, SendResult.noAnswer(Outcome.DELIVERED, "written to " + target.address()
                    + " over TLS (syslog has no acknowledgement)", took));
        } catch (SyslogConnections.SendFailure failure) {
            long took = (System.nanoTime() - started) / 1_000_000;
            return same(messages, SendResult.noAnswer(failure.outcome(), failure.getMessage(), took));
        }
    }

    private static List<SendResult> same(List<Outgoing> messages, SendResult result) {
        return messages.stream().map(m -> result).toList();
    }

    /** Closes every connection with close_notify (RFC 5425 §4.4). */
    @Override
    public void destroy() {
        connections.close();
    }
}
