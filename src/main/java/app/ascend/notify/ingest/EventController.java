package app.ascend.notify.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.InvalidRequestException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Governance events in (API key) and, for signed-in users, why each was or was not paged. */
@RestController
@RequestMapping("/api/events")
class EventController {
    private final EventReader reader;
    private final IngestWriter writer;
    private final EventExplainer explainer;

    EventController(EventReader reader, IngestWriter writer, EventExplainer explainer) {
        this.reader = reader;
        this.writer = writer;
        this.explainer = explainer;
    }

    /**
     * Answers 202 only once the events and their deliveries are committed (with other requests', by the
     * {@link IngestWriter}); never waits for a channel's answer.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> post(@AuthenticationPrincipal AscendPrincipal key, @RequestBody JsonNode body) {
        List<IncomingEvent> events = reader.read(body, key.organizationId());
        List<EventIngestService.Accepted> accepted = writer.write(key.organizationId(), events);
        return Map.of("accepted", accepted.size(), "events", accepted);
    }

    /** An action's events ({@code ?action_id=}), or the organization's latest. */
    @GetMapping
    Page<ObjectNode> list(@AuthenticationPrincipal AscendPrincipal me,
            @RequestParam(name = "action_id", required = false) String actionId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        if (actionId != null && actionId.indexOf('\0') >= 0) {
            // Ingest refuses NUL in action_id, and PostgreSQL refuses it in a query parameter (a 500 otherwise).
            throw InvalidRequestException.of("action_id", "is not an action id");
        }
        return explainer.page(me.organizationId(), actionId, PageParams.parse(limit, cursor));
    }

    /** The event, each channel's decision and the deliveries it led to: "why was I (not) paged?". */
    @GetMapping("/{id}")
    ObjectNode explain(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return explainer.explain(me.organizationId(), id);
    }
}
