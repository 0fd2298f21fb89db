package app.ascend.notify.event;

/** The words for notice types ({@link EventType.Action#NOTICE}): what a destination reported about an incident. */
public final class Notices {
    private Notices() {
    }

    /** "Incident acknowledged", "Incident updated"; null for a type that is not a notice. */
    public static String title(EventType type) {
        if (type.action() != EventType.Action.NOTICE) {
            return null;
        }
        return "Incident " + type.wireName().substring("incident.".length());
    }
}
