package app.ascend.notify.routing;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;

/**
 * {@code POST /api/incidents/{id}/resolve}: a resolve by hand for an incident whose resolve never came.
 * Routing's, not the incident package's: routing is the one place that writes follow-ups.
 */
@RestController
class ManualResolveController {
    private final ManualResolve manualResolve;

    ManualResolveController(ManualResolve manualResolve) {
        this.manualResolve = manualResolve;
    }

    /** Queues the resolve (202); 409 when it is resolved already. */
    @PostMapping("/api/incidents/{id}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ManualResolve.Queued resolve(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return manualResolve.resolve(me, id);
    }
}
