package app.ascend.notify.maintenance;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The product page's "Configure maintenance windows - Suppress during planned work", as an API. */
@RestController
@RequestMapping("/api/notifications/maintenance-windows")
class MaintenanceWindowController {
    private final MaintenanceWindowService windows;

    MaintenanceWindowController(MaintenanceWindowService windows) {
        this.windows = windows;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ObjectNode create(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        return windows.create(me, body);
    }

    /** Newest first, ended windows included; {@code ?active=true} for those muting right now. */
    @GetMapping
    Page<ObjectNode> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String active,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Boolean onlyActive = null;
        if (active != null) {
            if (!active.equals("true") && !active.equals("false")) {
                FieldErrors errors = new FieldErrors();
                errors.add("active", "must be true or false");
                errors.throwIfAny();
            }
            onlyActive = Boolean.valueOf(active);
        }
        return windows.list(me, PageParams.parse(limit, cursor), onlyActive);
    }

    @GetMapping("/{id}")
    ObjectNode get(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return windows.get(me, id);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ObjectNode patch(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id, @RequestBody JsonNode body) {
        return windows.patch(me, id, body);
    }

    /** "End now": the same as PATCH {@code {"ends_at": <now>}}, with the server's clock. */
    @PostMapping("/{id}/end")
    ObjectNode end(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return windows.end(me, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        windows.delete(me, id);
    }
}
