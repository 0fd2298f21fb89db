package app.ascend.notify.simulator;

import java.util.Arrays;
import java.util.Optional;

/** The {@code event_action} values of an alert event (FACTS.md §2; spec enum: trigger, acknowledge, resolve). */
public enum EventAction {
    TRIGGER("trigger"),
    ACKNOWLEDGE("acknowledge"),
    RESOLVE("resolve");

    private final String wireName;

    EventAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exact, case-sensitive match, as PagerDuty checks enums (FACTS.md §2, severity). */
    public static Optional<EventAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
