package app.ascend.notify.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.InboundDelivery;
import app.ascend.notify.channel.spi.InboundWebhooks;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.incident.RemoteIncidentUpdates;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.UnauthorizedException;

/**
 * Receives one inbound webhook: verifies it (before anything is parsed), refuses stale and replayed
 * deliveries, keeps it, and applies it to its incident, all in one short transaction. Processing in the
 * request is cheap (a few indexed statements on one incident), so the sender learns at once whether the
 * delivery was kept, and nothing is acknowledged that a crash could then lose; a sender that wants an
 * answer within seconds (and retries, or disables the subscription, otherwise) gets one in milliseconds.
 *
 * <p>An unknown channel, a channel of another type or without a secret, and a bad or missing signature
 * all get the same 401, so the answer says nothing about which channels exist.
 */
@Service
class InboundWebhookReceiver {
    private static final Logger log = LoggerFactory.getLogger(InboundWebhookReceiver.class);

    /**
     * Added to how long the sender retries ({@link InboundWebhooks#retriesFor()}) before a delivery is stale:
     * for clocks and the sender's queues. An older one can only be a replay of a delivery whose id we no
     * longer hold; it changes nothing.
     */
    static final Duration AGE_MARGIN = Duration.ofHours(1);
    /** How far ahead of our clock a delivery may say it happened (clock skew); further is refused. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    /** The body bound when the type is unknown (the answer must not differ from a known type's). */
    static final int DEFAULT_MAX_BODY = 256 * 1024;
    static final String NOT_VERIFIED = "The delivery's signature does not verify for this webhook URL: check the URL "
            + "and the channel's webhook signing secret (config.webhook_secret).";

    private final ChannelTypes types;
    private final ChannelRepository channels;
    private final ReceivedWebhookRepository received;
    private final RemoteIncidentUpdates updates;
    private final Clock clock;

    InboundWebhookReceiver(ChannelTypes types, ChannelRepository channels, ReceivedWebhookRepository received,
            RemoteIncidentUpdates updates, Clock clock) {
        this.types = types;
        this.channels = channels;
        this.received = received;
        this.updates = updates;
        this.clock = clock;
    }

    /** The answer: HTTP status, {@code status} word, the kept delivery's id (null when none was kept), a sentence. */
    record Answer(int httpStatus, String status, String id, String detail) {
    }

    int maxBodyBytes(String typeName) {
        return inbound(typeName).map(InboundWebhooks::maxBodyBytes).orElse(DEFAULT_MAX_BODY);
    }

    @Transactional
    Answer receive(String typeName, String channelId, Map<String, List<String>> headers, byte[] body) {
        InboundWebhooks inbound = inbound(typeName).orElseThrow(() -> new UnauthorizedException(NOT_VERIFIED));
        Channel channel = channels.findById(channelId).filter(c -> c.type().equals(typeName))
                .orElseThrow(() -> new UnauthorizedException(NOT_VERIFIED));
        if (!inbound.verifies(channel.settings(), headers, body)) {
            throw new UnauthorizedException(NOT_VERIFIED);
        }
        InboundWebhooks.InboundRead read = inbound.read(headers, body);
        FieldErrors errors = new FieldErrors();
        read.errors().forEach(errors::add);
        errors.throwIfAny();
        InboundDelivery delivery = read.delivery().orElseThrow();
        Instant now = clock.instant();
        if (delivery.occurredAt().isAfter(now.plus(MAX_AHEAD))) {
            errors.add("event.occurred_at", "is " + delivery.occurredAt() + ", more than " + MAX_AHEAD.toMinutes()
                    + " minutes ahead of this server's clock (" + now + ")");
            errors.throwIfAny();
        }
        Duration maxAge = inbound.retriesFor().plus(AGE_MARGIN);
        if (delivery.occurredAt().isBefore(now.minus(maxAge))) {
            log.info("inbound webhook {} for channel {} refused as stale: occurred at {}, more than {} h ago",
                    delivery.deliveryId(), channel.id(), delivery.occurredAt(), maxAge.toHours());
            return new Answer(200, "stale", null, "occurred at " + delivery.occurredAt() + ", more than "
                    + maxAge.toHours() + " h ago (longer than the sender retries): ignored");
        }
        ReceivedWebhook webhook = new ReceivedWebhook(Ids.newId("iwh"), channel.id(), typeName, delivery.deliveryId(),
                delivery.eventType(), delivery.occurredAt(), now, delivery.incidentKey(), null, "received", null,
                new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (!received.insertIfNew(channel.organizationId(), webhook)) {
            return new Answer(200, "already_received", null, "delivery " + delivery.deliveryId()
                    + " was received before; nothing changed");
        }
        RemoteIncidentUpdates.Applied applied = updates.apply(channel.organizationId(), channel.id(),
                types.get(typeName).displayName(), delivery);
        String detail = cut(applied.detail());
        received.recordOutcome(webhook.id(), applied.incidentId(), applied.outcome().wireName(), detail);
        return new Answer(202, applied.outcome().wireName(), webhook.id(), detail);
    }

    private Optional<InboundWebhooks> inbound(String typeName) {
        return types.find(typeName).flatMap(ChannelType::inboundWebhooks);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
