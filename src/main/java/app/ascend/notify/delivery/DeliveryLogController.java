package app.ascend.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.time.Rfc3339;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/** The delivery log: what was sent where, the destinations' answers, and "retry" for what failed. */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryLogController {
    private final DeliveryLog log;
    private final Outbox outbox;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    DeliveryLogController(DeliveryLog log, Outbox outbox, DeliveryDispatcher dispatcher, Clock clock) {
        this.log = log;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping
    Page<DeliveryView> list(@AuthenticationPrincipal AscendPrincipal me,
            @RequestParam(name = "channel_id", required = false) String channelId,
            @RequestParam(name = "event_id", required = false) String eventId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String since,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        FieldErrors errors = new FieldErrors();
        // No id contains U+0000, and PostgreSQL refuses it in a query parameter (a 500 otherwise).
        if (channelId != null && channelId.indexOf('\0') >= 0) {
            errors.add("channel_id", "is not an id");
        }
        if (eventId != null && eventId.indexOf('\0') >= 0) {
            errors.add("event_id", "is not an id");
        }
        if (status != null && Arrays.stream(DeliveryStatus.values()).noneMatch(s -> s.wireName().equals(status))) {
            errors.add("status", "must be one of: pending, in_flight, delivered, failed, dead");
        }
        Instant sinceTime = null;
        if (since != null) {
            try {
                sinceTime = Rfc3339.parse(since);
            } catch (DateTimeParseException e) {
                errors.add("since", "must be an RFC 3339 date-time, e.g. 2026-11-27T10:00:00Z");
            }
        }
        PageParams page = PageParams.parse(limit, cursor);
        errors.throwIfAny();
        return log.page(me.organizationId(), new DeliveryLog.Filter(channelId, eventId, status, sinceTime), page);
    }

    @GetMapping("/{id}")
    DeliveryView get(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return log.find(me.organizationId(), id).orElseThrow(() -> new NotFoundException("delivery", id));
    }

    /**
     * Re-queues a failed or dead delivery; it keeps its place in its sequence, so it goes before a
     * resolve queued after it. A trigger whose later resolve the destination already has (or is being sent) is
     * refused: sent now, it would open an alert that nothing closes (a paging service drops a resolve for
     * an alert it does not know), so the answer says to send a new event instead.
     */
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView retry(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        DeliveryView delivery = get(me, id);
        if (!outbox.requeue(me.organizationId(), id, clock.instant())) {
            Outbox.LaterResolve resolve = outbox.laterResolveSent(me.organizationId(), id).orElse(null);
            if (resolve != null) {
                throw new ConflictException("id", "this trigger cannot be sent again: a later resolve of the same "
                        + "alert (delivery " + resolve.deliveryId() + ") "
                        + (resolve.status() == DeliveryStatus.DELIVERED ? "was delivered" : "is being sent")
                        + ", so the trigger would open an alert that nothing closes. To page for this action again, "
                        + "send a new event for it (its approval will then resolve the new alert).");
            }
            throw new ConflictException("status", "only a failed or dead delivery can be retried; this one is "
                    + delivery.status());
        }
        dispatcher.wake();
        return get(me, id);
    }
}
