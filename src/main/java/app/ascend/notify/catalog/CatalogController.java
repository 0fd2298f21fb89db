package app.ascend.notify.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.RiskLevel;

/**
 * The product's fixed vocabularies, served so that clients (the console first) read them instead of
 * keeping copies: the governance event types with what each does to an incident, and the risk bands.
 * Same for every organization; read like every other GET (a signed-in user).
 */
@RestController
class CatalogController {

    record EventTypeView(String type, String action) {
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
                .map(t -> new EventTypeView(t.wireName(), t.action().name().toLowerCase(Locale.ROOT)))
                .toList());
    }

    @GetMapping("/api/risk-levels")
    RiskLevels riskLevels() {
        return new RiskLevels(Arrays.stream(RiskLevel.values())
                .map(l -> new RiskLevelView(l.wireName(), l.minScore(), l.maxScore()))
                .toList());
    }
}
