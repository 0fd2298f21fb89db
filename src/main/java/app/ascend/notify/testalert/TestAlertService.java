package app.ascend.notify.testalert;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.ascend.notify.channel.Channel;
import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.delivery.DeliveryRecorder;
import app.ascend.notify.delivery.NewDelivery;
import app.ascend.notify.delivery.SequenceKey;
import app.ascend.notify.delivery.Notifiers;
import app.ascend.notify.delivery.spi.ChannelNotifier;
import app.ascend.notify.delivery.spi.MessageKind;
import app.ascend.notify.delivery.spi.RenderedMessage;
import app.ascend.notify.delivery.spi.SendResult;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.identity.OrganizationRepository;
import app.ascend.notify.routing.EventRouter;
import app.ascend.notify.web.Ids;
import app.ascend.notify.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product page's "Send Test Alert": sends at once (not behind the queue) and answers with
 * PagerDuty's reply. A sample event is rendered through the real routing; {@code dry_run} sends
 * nothing; {@code resolve} follows a delivered trigger with its resolve. Sent messages are recorded in
 * the delivery log like any other.
 */
@Service
public class TestAlertService {
    private final ChannelRepository channels;
    private final OrganizationRepository organizations;
    private final Notifiers notifiers;
    private final EventRouter router;
    private final DeliveryRecorder recorder;
    private final JsonMapper json;
    private final Clock clock;

    public TestAlertService(ChannelRepository channels, OrganizationRepository organizations, Notifiers notifiers,
            EventRouter router, DeliveryRecorder recorder, JsonMapper json, Clock clock) {
        this.channels = channels;
        this.organizations = organizations;
        this.notifiers = notifiers;
        this.router = router;
        this.recorder = recorder;
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
        ChannelNotifier notifier = notifiers.forType(channel.type());
        ObjectNode answer = json.createObjectNode();
        answer.put("channel_id", channel.id());
        answer.put("dry_run", request.dryRun());

        String destination;
        String dedupKey;
        RenderedMessage message;
        if (request.sample() == null) {
            destination = notifier.testDestination(channel).orElseThrow();
            // Not clock.millis(): on JDK 17 a tick clock finer than 1 ms (the service's) divides by zero there.
            dedupKey = "ascend-test-" + channel.id() + "-" + clock.instant().toEpochMilli();
            message = notifier.renderTest(channel, "ASCEND test alert: " + channel.name(), dedupKey, organizationName,
                    MessageKind.TRIGGER);
        } else {
            EventRouter.Preview preview = router.preview(request.sample(), organizationName, channel);
            answer.set("decision", json.valueToTree(preview.decision()));
            dedupKey = DedupKeys.forEvent(request.sample());
            destination = preview.destination();
            message = preview.message();
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
        answer.put("routing_key", masked);
        answer.set("payload", notifier.displayPayload(masked, message.payload()));
        if (request.dryRun()) {
            answer.put("sent", false);
            answer.put("message", "Dry run: nothing was sent.");
            return answer;
        }
        Sent sent = send(me, channel, notifier, destination, masked, dedupKey, message);
        describe(answer, sent);
        if (request.resolve() && sent.result().delivered()) {
            RenderedMessage resolve = request.sample() == null
                    ? notifier.renderTest(channel, null, dedupKey, organizationName, MessageKind.RESOLVE)
                    : notifier.render(channel, resolveOf(request.sample()), organizationName);
            ObjectNode resolved = answer.putObject("resolve");
            resolved.set("payload", notifier.displayPayload(masked, resolve.payload()));
            describe(resolved, send(me, channel, notifier, destination, masked, dedupKey, resolve));
        }
        return answer;
    }

    /** A message sent at once and its delivery log entry. */
    private record Sent(String deliveryId, SendResult result) {
    }

    private Sent send(AscendPrincipal me, Channel channel, ChannelNotifier notifier, String destination,
            String masked, String dedupKey, RenderedMessage message) {
        SendResult result = notifier.send(destination, message.payload());
        Instant now = clock.instant();
        String id = Ids.newId("dlv");
        recorder.recordImmediate(new NewDelivery(id, me.organizationId(), null, channel.id(), channel.type(), message.kind(),
                SequenceKey.of(destination, dedupKey), dedupKey, destination, masked, 0, message.payload(), now), result, now);
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

    private static GovernanceEvent resolveOf(GovernanceEvent trigger) {
        return new GovernanceEvent(Ids.newId("evt"), trigger.organizationId(), EventType.ACTION_RESOLVED,
                trigger.occurredAt(), trigger.actionId(), trigger.agentId(), trigger.actionType(), trigger.resource(),
                trigger.riskScore(), trigger.riskLevel(), trigger.policyName(), trigger.user(), trigger.sourceIp(), null,
                trigger.dedupKey(), null);
    }

}
