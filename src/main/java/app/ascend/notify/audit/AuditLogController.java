package app.ascend.notify.audit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.web.InvalidRequestException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

@RestController
class AuditLogController {
    private final AuditTrail audit;

    AuditLogController(AuditTrail audit) {
        this.audit = audit;
    }

    /** The organization's audit trail, newest first; {@code target_id} narrows it to one object. */
    @GetMapping("/api/audit-log")
    Page<AuditEntry> list(@AuthenticationPrincipal Actor me,
            @RequestParam(name = "target_id", required = false) String targetId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        if (targetId != null && targetId.indexOf('\0') >= 0) {
            // No id contains U+0000, and PostgreSQL refuses it in a query parameter (a 500 otherwise).
            throw InvalidRequestException.of("target_id", "is not an id");
        }
        return audit.page(me.organizationId(), targetId, PageParams.parse(limit, cursor));
    }
}
