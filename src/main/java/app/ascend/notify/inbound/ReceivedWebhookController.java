package app.ascend.notify.inbound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.channel.ChannelRepository;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/**
 * {@code GET /api/notifications/channels/{id}/webhooks}: what the channel's destination sent back, newest
 * first, with what became of each (an unmatched one names the incident key nobody here opened).
 */
@RestController
class ReceivedWebhookController {
    private static final java.util.List<String> OUTCOMES = java.util.List.of("applied", "unmatched", "out_of_order",
            "not_understood");
    private final ReceivedWebhookRepository received;
    private final ChannelRepository channels;

    ReceivedWebhookController(ReceivedWebhookRepository received, ChannelRepository channels) {
        this.received = received;
        this.channels = channels;
    }

    @GetMapping("/api/notifications/channels/{id}/webhooks")
    Page<ReceivedWebhook> list(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        FieldErrors errors = new FieldErrors();
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            errors.add("outcome", "must be one of " + String.join(", ", OUTCOMES));
        }
        PageParams page = PageParams.parse(limit, cursor);
        errors.throwIfAny();
        channels.find(me.organizationId(), id).orElseThrow(() -> new NotFoundException("channel", id));
        return Page.of(received.page(me.organizationId(), id, outcome, page), page, ReceivedWebhook::id);
    }
}
