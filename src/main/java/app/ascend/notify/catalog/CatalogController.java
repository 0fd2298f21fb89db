package app.ascend.notify.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.event.Changes;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.RiskLevel;

/**
 * The product's fixed vocabularies, served so that clients (the console first) read them instead of
 * keeping copies: the governance event types with what each does to an incident, and the risk bands.
 * Same for every organization; read like every other GET (a signed-in user).
 */
@RestController
class CatalogController {

    /**
     * {@code requires}: what ingest requires besides {@code type} ("a or b": either); {@code refuses}: fields ingest
     * refuses for the type.
     */
    record EventTypeView(String type, String action, String description, List<String> requires, List<String> refuses) {
    }

    record EventTypes(List<EventTypeView> eventTypes) {
    }

    record RiskLevelView(String level, int minScore, int maxScore) {
    }

    record RiskLevels(List<RiskLevelView> riskLevels) {
    }

    @GetMapping("/api/event-types")
    EventTypes eventTypes() {
        return new EventTypes(Arrays.stream(EventType.values())
                .map(CatalogController::view)
                .toList());
    }

    private static EventTypeView view(EventType t) {
        String action = t.action().name().toLowerCase(Locale.ROOT);
        return switch (t.action()) {
            case TRIGGER -> new EventTypeView(t.wireName(), action,
                    "opens (triggers) the incident of its action (dedup key ascend-{action_id})", List.of(), List.of());
            case ACKNOWLEDGE -> new EventTypeView(t.wireName(), action, "acknowledges the open incident of its action",
                    List.of("action_id or dedup_key"), List.of());
            case RESOLVE -> new EventTypeView(t.wireName(), action, "closes (resolves) the open incident of its action",
                    List.of("action_id or dedup_key"), List.of());
            case CHANGE -> new EventTypeView(t.wireName(), action, "records a change (" + Changes.title(t)
                    + "); opens, acknowledges and closes no incident", List.of(Changes.subjectField(t) + " or summary"),
                    List.of("dedup_key"));
            case NOTICE -> new EventTypeView(t.wireName(), action, "reports what a destination did to an incident "
                    + "(e.g. acknowledged in the paging service); sent by ASCEND when the destination's webhook tells it, "
                    + "never posted to /api/events; opens, acknowledges and closes nothing in ASCEND", List.of(), List.of());
        };
    }

    @GetMapping("/api/risk-levels")
    RiskLevels riskLevels() {
        return new RiskLevels(Arrays.stream(RiskLevel.values())
                .map(l -> new RiskLevelView(l.wireName(), l.minScore(), l.maxScore()))
                .toList());
    }
}
