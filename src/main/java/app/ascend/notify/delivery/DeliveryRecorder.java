package app.ascend.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.channel.ChannelShutoff;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.db.AfterCommit;
import app.ascend.notify.ids.Ids;

/**
 * Applies the outcomes of sends to the outbox, each in one transaction with its attempt row: accepted
 * is delivered (keeping what the channel type asked to keep of the message, {@code SendResult.remoteRef});
 * refused (a 400) failed and not retried; gone (a webhook's 410) failed and the
 * channel disabled; 429, 5xx, timeouts and connection errors retried with
 * exponential backoff and jitter ({@link RetrySchedule}) until the maximum age, then dead. One log
 * line per outcome, with ids and the masked destination only.
 */
@Component
public class DeliveryRecorder {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);
    private final Outbox outbox;
    private final RateBudget budget;
    private final RetrySchedule schedule;
    private final DeliveryMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final ChannelShutoff shutoff;
    private final ChannelTypes types;
    private final Random random = new Random();

    public DeliveryRecorder(Outbox outbox, RateBudget budget, DeliveryProperties properties, DeliveryMetrics metrics,
            ApplicationEventPublisher publisher, ChannelShutoff shutoff, ChannelTypes types) {
        this.outbox = outbox;
        this.shutoff = shutoff;
        this.types = types;
        this.budget = budget;
        this.metrics = metrics;
        this.publisher = publisher;
        this.schedule = new RetrySchedule(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), Duration.ofSeconds(30),
                properties.maxAge());
    }

    /**
     * One send's answer, waiting to be recorded; {@code slotId} is the rate slot the send took (null
     * without a rate limit), moved to {@code answeredAt} with the answer.
     */
    public record Answered(ClaimedDelivery delivery, String claimedBy, SendResult result, Instant answeredAt,
            String slotId) {
    }

    /**
     * Records many answers in one transaction with batched statements (a group commit): one commit per
     * batch of sends instead of one per send. Each send's rate slot is moved to its answer's time in the
     * same transaction, so a failure there is retried with the answers instead of losing them. Returns each delivery's new status, in order.
     */
    @Transactional
    public List<DeliveryStatus> recordAll(List<Answered> answers) {
        List<Outbox.Attempt> attempts = new ArrayList<>(answers.size());
        List<Outbox.Finish> finishes = new ArrayList<>(answers.size());
        List<DeliveryStatus> statuses = new ArrayList<>(answers.size());
        List<RateBudget.Answered> slots = new ArrayList<>();
        for (Answered answer : answers) {
            if (answer.slotId() != null) {
                slots.add(new RateBudget.Answered(answer.slotId(), answer.answeredAt()));
            }
            ClaimedDelivery d = answer.delivery();
            SendResult result = answer.result();
            Instant now = answer.answeredAt();
            DeliveryStatus status;
            Instant next = null;
            switch (result.outcome()) {
                case DELIVERED -> status = DeliveryStatus.DELIVERED;
                case REJECTED, GONE -> status = DeliveryStatus.FAILED;
                default -> {
                    if (schedule.isExpired(d.retryFrom(), now)) {
                        status = DeliveryStatus.DEAD;
                    } else {
                        status = DeliveryStatus.PENDING;
                        Duration delay = result.outcome() == SendResult.Outcome.RATE_LIMITED
                                ? schedule.afterRateLimited(Optional.ofNullable(result.retryAfter()),
                                        outbox.rateLimitedStreak(d.id(), d.retryFrom()) + 1)
                                : schedule.delayBefore(d.attempts() + 1, random);
                        next = now.plus(delay);
                    }
                }
            }
            attempts.add(new Outbox.Attempt(Ids.newId("att"), d.id(), now, result.httpStatus(),
                    result.outcome().name().toLowerCase(), result.message(), result.errors(), result.latencyMillis()));
            finishes.add(new Outbox.Finish(d.id(), answer.claimedBy(), status, next, status.isFinal() ? now : null, result.httpStatus(),
                    describe(result), status == DeliveryStatus.DELIVERED ? result.remoteRef() : null));
            statuses.add(status);
            log.info("delivery {} org {} event {} channel {} key {} {}: {} (HTTP {}, {} ms, attempt {}){}", d.id(),
                    d.organizationId(), d.eventId(), d.channelId(), d.destinationMasked(), d.kind(), status.wireName(),
                    result.httpStatus(), result.latencyMillis(), d.attempts() + 1, next == null ? "" : ", next at " + next);
            count(d.channelType(), result, status);
            if (status == DeliveryStatus.DELIVERED) {
                // created_at is when the event was accepted: the latency the sender's on-call feels.
                Duration sinceAccepted = Duration.between(d.createdAt(), now);
                AfterCommit.run(() -> metrics.delivered(sinceAccepted));
            }
        }
        outbox.insertAttempts(attempts);
        // Even for a send taken over meanwhile: the destination counted it either way.
        budget.sentByAll(slots);
        int recorded = outbox.finishAttempts(finishes);
        if (recorded < finishes.size()) {
            log.warn("{} of {} answers came after their claim had passed to another instance (a send outlived "
                    + "ASCEND_DELIVERY_LEASE); that instance's outcome stands", finishes.size() - recorded, finishes.size());
        }
        for (Answered answer : answers) {
            if (answer.result().outcome() == SendResult.Outcome.GONE) {
                disableGone(answer);
            }
        }
        publishNotDelivered(answers, statuses);
        return statuses;
    }

    /**
     * The receiver wants no more messages: its channel is disabled, with the reason shown on it, and the
     * channel's deliveries still waiting fail at once instead of each asking again.
     */
    private void disableGone(Answered answer) {
        ClaimedDelivery d = answer.delivery();
        disableGone(d.organizationId(), d.channelId(), d.channelType(), d.destinationMasked(), d.id(), answer.result(),
                answer.answeredAt());
    }

    private void disableGone(String organizationId, String channelId, String channelType, String destinationMasked,
            String deliveryId, SendResult result, Instant at) {
        String reason = types.get(channelType).displayName() + " at " + destinationMasked + " answered HTTP "
                + result.httpStatus() + " on " + at + " (delivery " + deliveryId + "): "
                + (result.message() == null ? "it wants no more messages" : result.message())
                + ". Enable the channel again once the receiver takes messages.";
        if (shutoff.disable(organizationId, channelId, reason, at)) {
            int failed = outbox.failWaiting(channelId, at, "not sent: the channel was disabled because its receiver "
                    + "answered HTTP " + result.httpStatus());
            log.warn("channel {} disabled after HTTP {} from its receiver; {} waiting deliveries failed", channelId,
                    result.httpStatus(), failed);
        }
    }

    /**
     * Triggers that ended failed or dead opened nothing at the destination: their incidents are closed in
     * this transaction by the listener (it re-reads each delivery, so an answer whose claim had passed to
     * another instance, and was not recorded, changes nothing).
     */
    private void publishNotDelivered(List<Answered> answers, List<DeliveryStatus> statuses) {
        for (int i = 0; i < answers.size(); i++) {
            DeliveryStatus status = statuses.get(i);
            ClaimedDelivery d = answers.get(i).delivery();
            if ((status == DeliveryStatus.FAILED || status == DeliveryStatus.DEAD)
                    && MessageKind.TRIGGER.wireName().equals(d.kind())) {
                SendResult result = answers.get(i).result();
                publisher.publishEvent(new TriggerNotDelivered(d.id(), d.organizationId(), d.channelId(), d.channelType(),
                        d.destination(), status, result.httpStatus(), result.message(), result.errors(), d.retryFrom(),
                        answers.get(i).answeredAt()));
            }
        }
    }

    /**
     * Records a message sent at once, outside the queue (a test alert): delivered when the destination
     * took it, failed otherwise; never retried. {@code slotId}, the rate slot the send took (null for none),
     * moves to the answer's time in the same transaction.
     */
    @Transactional
    public DeliveryStatus recordImmediate(NewDelivery delivery, SendResult result, Instant now, String slotId) {
        DeliveryStatus status = result.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
        outbox.insert(delivery, status);
        if (slotId != null) {
            budget.sentByAll(List.of(new RateBudget.Answered(slotId, now))); // with the answer, as for queued sends
        }
        outbox.insertAttempt(Ids.newId("att"), delivery.id(), now, result.httpStatus(),
                result.outcome().name().toLowerCase(), result.message(), result.errors(), result.latencyMillis());
        outbox.finishAttempt(delivery.id(), status, null, now, result.httpStatus(), describe(result),
                result.delivered() ? result.remoteRef() : null);
        log.info("delivery {} org {} channel {} key {} {} (sent at once): {} (HTTP {}, {} ms)", delivery.id(),
                delivery.organizationId(), delivery.channelId(), delivery.destinationMasked(), delivery.kind().wireName(),
                status.wireName(), result.httpStatus(), result.latencyMillis());
        count(delivery.channelType(), result, status);
        if (result.outcome() == SendResult.Outcome.GONE) {
            disableGone(delivery.organizationId(), delivery.channelId(), delivery.channelType(),
                    delivery.destinationMasked(), delivery.id(), result, now);
        }
        return status;
    }

    /** The outcome counts once it is committed (the HTTP answer itself was counted by the sender). */
    private void count(String channelType, SendResult result, DeliveryStatus status) {
        AfterCommit.run(() -> metrics.finished(channelType, status));
    }

    private static String describe(SendResult result) {
        String message = result.message() == null ? "" : result.message();
        if (result.errors() != null && !result.errors().isEmpty()) {
            message = message + (message.isEmpty() ? "" : ": ") + String.join("; ", result.errors());
        }
        return message.isEmpty() ? null : message;
    }
}
