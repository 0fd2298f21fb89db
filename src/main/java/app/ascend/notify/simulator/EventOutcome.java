package app.ascend.notify.simulator;

/** What the simulator did with one recorded request. */
public enum EventOutcome {
    /** A trigger opened a new incident (202). */
    OPENED,
    /** A trigger joined the open incident of its key as another trigger log entry (202, FACTS.md §3). */
    JOINED,
    /** An acknowledge moved the open incident to acknowledged (202). */
    ACKNOWLEDGED,
    /** A resolve closed the open incident (202). */
    RESOLVED,
    /** An acknowledge/resolve with no open incident for its key: answered 202, changed nothing (FACTS.md §3). */
    DROPPED,
    /** A change event was recorded; change events open no incidents (FACTS.md §6) (202). */
    CHANGE_RECORDED,
    /** 400 "invalid event" (FACTS.md §2, §4). */
    INVALID,
    /** 400 "Unrecognized object": malformed JSON or not a JSON object (spec Error example). */
    UNRECOGNIZED,
    /** 429 over the per-routing-key rate limit; not ingested (FACTS.md §5). */
    THROTTLED,
    /** An injected failure (fail-next, random failure rate or outage); not ingested. */
    INJECTED_FAULT,
    /** Unknown path or wrong method. */
    NOT_FOUND;

    /** True for the outcomes answered with 202. */
    public boolean accepted() {
        return switch (this) {
            case OPENED, JOINED, ACKNOWLEDGED, RESOLVED, DROPPED, CHANGE_RECORDED -> true;
            default -> false;
        };
    }
}
