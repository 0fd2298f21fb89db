package app.ascend.notify.simulator;

/** Incident states reachable through the Events API (FACTS.md §3). */
public enum IncidentStatus {
    TRIGGERED("triggered"),
    ACKNOWLEDGED("acknowledged"),
    RESOLVED("resolved");

    private final String wireName;

    IncidentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
