package app.ascend.notify.testalert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.delivery.DeliveryRecorder;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.RateBudget;
import app.ascend.notify.delivery.SequenceKey;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.identity.OrganizationRepository;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.routing.EventRouter;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.TooManyRequestsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product page's "Send Test Alert": sends at once (not behind the queue) and answers with the
 * destination's reply. A sample event is rendered through the real routing; {@code dry_run} sends
 * nothing; {@code resolve} follows a delivered trigger with its resolve. Sent messages are recorded in
 * the delivery log like any other.
 *
 * <p>A test alert always has a dedup key of its own ({@code ascend-test-...}), also with a sample event:
 * with the action's real key, a test (and above all its resolve) would update or close that action's
 * live incident. Each send takes a slot of the destination's rate budget, since a destination counts test
 * messages against its limit too; with no slot free, nothing is sent and the caller is told when to try
 * again (429).
 */
@Service
public class TestAlertService {
    private final ChannelRepository channels;
    private final OrganizationRepository organizations;
    private final ChannelTypes types;
    private final EventRouter router;
    private final DeliveryRecorder recorder;
    private final RateBudget budget;
    private final JsonMapper json;
    private final Clock clock;

    public TestAlertService(ChannelRepository channels, OrganizationRepository organizations, ChannelTypes types,
            EventRouter router, DeliveryRecorder recorder, RateBudget budget, JsonMapper json, Clock clock) {
        this.channels = channels;
        this.organizations = organizations;
        this.types = types;
        this.router = router;
        this.recorder = recorder;
        this.budget = budget;
        this.json = json;
        this.clock = clock;
    }

    /** What the caller asked for. {@code sample} is null for the plain test alert. */
    public record Request(String channelId, GovernanceEvent sample, boolean dryRun, boolean resolve) {
    }

    public ObjectNode run(AscendPrincipal me, Request request) {
        Channel channel = channels.find(me.organizationId(), request.channelId())
                .orElseThrow(() -> new NotFoundException("channel", request.channelId()));
        String organizationName = organizations.findById(me.organizationId()).orElseThrow().name();
        ChannelType notifier = types.get(channel.type());
        ObjectNode answer = json.createObjectNode();
        answer.put("channel_id", channel.id());
        answer.put("dry_run", request.dryRun());

        String destination;
        // Not clock.millis(): on JDK 17 a tick clock finer than 1 ms (the service's) divides by zero there.
        String dedupKey = "ascend-test-" + channel.id() + "-" + clock.instant().toEpochMilli();
        GovernanceEvent sample = request.sample() == null ? null : withDedupKey(request.sample(), dedupKey);
        RenderedMessage message;
        if (sample == null) {
            destination = channel.settings().testDestination().orElseThrow();
            message = notifier.renderTest(channel.ref(), "ASCEND test alert: " + channel.name(), dedupKey, organizationName,
                    MessageKind.TRIGGER);
        } else {
            // The decision is the real event's (its real dedup key finds its incident); what is sent differs
            // only in the dedup key.
            EventRouter.Preview preview = router.preview(request.sample(), organizationName, channel);
            answer.set("decision", json.valueToTree(preview.decision()));
            destination = preview.destination();
            message = destination == null ? null : notifier.render(channel.ref(), sample, organizationName);
        }
        answer.put("dedup_key", dedupKey);
        if (destination == null) {
            answer.put("sent", false);
            answer.put("success", false);
            answer.put("message", "Routing would not send this event to the channel: "
                    + answer.path("decision").path("reason").asString());
            return answer;
        }
        String masked = notifier.maskDestination(destination);
        answer.put("destination", masked);
        if (notifier.destinationIsRoutingKey()) {
            answer.put("routing_key", masked); // the field clients read before there were other channel types
        }
        answer.set("payload", notifier.displayPayload(masked, message.payload()));
        if (request.dryRun()) {
            answer.put("sent", false);
            answer.put("message", "Dry run: nothing was sent.");
            return answer;
        }
        Sent sent = send(me, channel, notifier, destination, masked, dedupKey, message, null);
        describe(answer, sent);
        if (request.resolve() && sent.result().delivered()) {
            RenderedMessage resolve = sample == null
                    ? notifier.renderTest(channel.ref(), null, dedupKey, organizationName, MessageKind.RESOLVE)
                    : notifier.render(channel.ref(), resolveOf(sample), organizationName);
            ObjectNode resolved = answer.putObject("resolve");
            resolved.set("payload", notifier.displayPayload(masked, resolve.payload()));
            try {
                // The trigger's kept reference, as the dispatcher gives a follow-up (null unless the type keeps one).
                String originalRef = notifier.rules().followUpsNeedOriginal() ? sent.result().remoteRef() : null;
                describe(resolved, send(me, channel, notifier, destination, masked, dedupKey, resolve, originalRef));
            } catch (TooManyRequestsException spent) {
                resolved.put("sent", false);
                resolved.put("success", false);
                resolved.put("message", spent.getMessage() + " The test incident stays open until it is resolved.");
            }
        }
        return answer;
    }

    /** A message sent at once and its delivery log entry. */
    private record Sent(String deliveryId, SendResult result) {
    }

    private Sent send(AscendPrincipal me, Channel channel, ChannelType notifier, String destination,
            String masked, String dedupKey, RenderedMessage message, String originalRef) {
        RateBudget.Grant slot = budget.tryTake(destination, notifier.rateLimit(destination, channel.settings()),
                clock.instant());
        if (!slot.granted()) {
            Duration wait = Duration.between(clock.instant(), slot.waitUntil());
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequestsException("The " + notifier.destinationNoun() + "'s rate budget is spent ("
                    + notifier.displayName() + " limits messages per " + notifier.destinationNoun()
                    + ", test alerts included); nothing was sent. Try again in " + seconds + " s.",
                    Duration.ofSeconds(seconds));
        }
        String id = Ids.newId("dlv");
        SendResult result = notifier.send(new Outgoing(id, me.organizationId(), channel.id(), message.kind(), destination,
                message.payload(), 1, channel.settings(), originalRef));
        Instant now = clock.instant();
        recorder.recordImmediate(new NewDelivery(id, me.organizationId(), null, channel.id(), channel.type(), message.kind(),
                SequenceKey.of(destination, dedupKey), dedupKey, destination, masked, 0, message.payload(), now), result, now, slot.slotId());
        return new Sent(id, result);
    }

    private void describe(ObjectNode answer, Sent sent) {
        SendResult result = sent.result();
        answer.put("sent", true);
        answer.put("success", result.delivered());
        if (result.httpStatus() == null) {
            answer.putNull("status_code");
        } else {
            answer.put("status_code", result.httpStatus());
        }
        answer.put("message", result.message());
        answer.set("errors", json.valueToTree(result.errors()));
        answer.put("latency_ms", result.latencyMillis());
        answer.put("delivery_id", sent.deliveryId());
    }

    /** The sample as it is sent: the same event under the test's own dedup key. */
    private static GovernanceEvent withDedupKey(GovernanceEvent e, String dedupKey) {
        return new GovernanceEvent(e.id(), e.organizationId(), e.type(), e.occurredAt(), e.actionId(), e.agentId(),
                e.actionType(), e.resource(), e.riskScore(), e.riskLevel(), e.policyName(), e.user(), e.sourceIp(),
                e.summary(), dedupKey, e.details());
    }

    private static GovernanceEvent resolveOf(GovernanceEvent trigger) {
        return new GovernanceEvent(Ids.newId("evt"), trigger.organizationId(), EventType.ACTION_RESOLVED,
                trigger.occurredAt(), trigger.actionId(), trigger.agentId(), trigger.actionType(), trigger.resource(),
                trigger.riskScore(), trigger.riskLevel(), trigger.policyName(), trigger.user(), trigger.sourceIp(), null,
                trigger.dedupKey(), null);
    }

}
