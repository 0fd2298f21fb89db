package app.ascend.notify.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The product page's notification-channels API (also under {@code /api/api/...}, as its curl lines use). */
@RestController
@RequestMapping("/api/notifications/channels")
class ChannelController {
    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ObjectNode create(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        return channels.create(me, body);
    }

    @GetMapping
    Page<ObjectNode> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return channels.list(me, PageParams.parse(limit, cursor));
    }

    @GetMapping("/{id}")
    ObjectNode get(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return channels.get(me, id);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ObjectNode patch(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id, @RequestBody JsonNode body) {
        return channels.patch(me, id, body);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode put(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id, @RequestBody JsonNode body) {
        return channels.put(me, id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        channels.delete(me, id);
    }
}
