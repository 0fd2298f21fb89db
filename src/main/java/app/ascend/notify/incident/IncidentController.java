package app.ascend.notify.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/** The incidents ASCEND Notify holds open (or has resolved); "resolve" is routing's ({@code routing.ManualResolveController}). */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {
    private final IncidentRepository incidents;
    private final IncidentProperties properties;
    private final ChannelTypes types;
    private final Clock clock;

    IncidentController(IncidentRepository incidents, IncidentProperties properties, ChannelTypes types, Clock clock) {
        this.incidents = incidents;
        this.types = types;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * {@code ?status=open} (default; acknowledged ones included), {@code resolved} or {@code not_opened}
     * (the trigger was refused or died: the destination never had it); {@code ?stale=true|false}.
     */
    @GetMapping
    Page<IncidentView> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String status,
            @RequestParam(required = false) String stale, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        FieldErrors errors = new FieldErrors();
        if (status != null && !status.equals("open") && !status.equals("resolved") && !status.equals("not_opened")) {
            errors.add("status", "must be open, resolved or not_opened");
        }
        if (stale != null && !stale.equals("true") && !stale.equals("false")) {
            errors.add("stale", "must be true or false");
        }
        PageParams page = PageParams.parse(limit, cursor);
        errors.throwIfAny();
        IncidentStatus listed = status == null ? IncidentStatus.OPEN : IncidentStatus.fromWireName(status);
        boolean open = listed.isOpen();
        // Resolved incidents are never stale, nor is anything while the check is off.
        Instant staleBefore = open ? properties.staleBefore(clock.instant()).orElse(null) : null;
        if ("true".equals(stale) && staleBefore == null) {
            return new Page<>(List.of(), null);
        }
        Instant lastEventBefore = "true".equals(stale) ? staleBefore : null;
        Instant lastEventFrom = "false".equals(stale) ? staleBefore : null;
        return Page.of(incidents.page(me.organizationId(), listed, lastEventBefore, lastEventFrom, page), page, Incident::id)
                .map(incident -> IncidentView.of(incident, staleBefore, repeatsRoutingKey(incident)));
    }

    /** One incident of the organization, whatever its status. */
    @GetMapping("/{id}")
    IncidentView get(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        Incident incident = incidents.find(me.organizationId(), id).orElseThrow(() -> new NotFoundException("incident", id));
        return IncidentView.of(incident, properties.staleBefore(clock.instant()).orElse(null), repeatsRoutingKey(incident));
    }

    private boolean repeatsRoutingKey(Incident incident) {
        return types.find(incident.channelType()).map(ChannelType::destinationIsRoutingKey).orElse(false);
    }
}
