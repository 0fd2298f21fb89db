package app.ascend.notify.testalert;

import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.ingest.EventReader;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/notifications/test}, the product page's "Send Test Alert" (also under /api/api/...). */
@RestController
class TestAlertController {
    private final TestAlertService tests;
    private final EventReader reader;

    TestAlertController(TestAlertService tests, EventReader reader) {
        this.tests = tests;
        this.reader = reader;
    }

    @PostMapping(path = "/api/notifications/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode test(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> fields = JsonFields.object(body, "", errors);
        String channelId = fields.flatMap(f -> f.string("channel_id", true, 100)).orElse(null);
        boolean dryRun = fields.flatMap(f -> f.bool("dry_run")).orElse(false);
        boolean resolve = fields.flatMap(f -> f.bool("resolve")).orElse(false);
        fields.ifPresent(f -> f.rejectUnknown(List.of("channel_id", "event", "dry_run", "resolve")));
        errors.throwIfAny();
        GovernanceEvent sample = fields.get().hasValue("event")
                ? reader.readSample(body.get("event"), "event", me.organizationId()).event()
                : null;
        return tests.run(me, new TestAlertService.Request(channelId, sample, dryRun, resolve));
    }
}
