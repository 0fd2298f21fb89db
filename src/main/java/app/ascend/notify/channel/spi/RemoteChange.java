package app.ascend.notify.channel.spi;

/**
 * A change to an incident made at the destination (a responder acknowledged or resolved it there).
 *
 * @param kind         what it does to ASCEND's incident
 * @param remoteStatus the incident's status at the destination after the change, in the vendor's words
 *                     (e.g. {@code acknowledged}); null when the delivery does not say
 * @param actor        who acted, as the vendor summarises them (a person's name, a service); null when
 *                     nobody did (an automatic change)
 * @param note         a short text for the trail (the note of an annotation, the new assignees); may be null
 * @param remoteUrl    the incident's page at the destination; may be null
 */
public record RemoteChange(Kind kind, String remoteStatus, String actor, String note, String remoteUrl) {

    /**
     * The vendor's texts are kept without the NUL character: a verified delivery may carry one
     * ({@code "\u0000"} is valid JSON), PostgreSQL's text types cannot hold it, and a status, name, note or
     * link loses nothing a reader needs without it.
     */
    public RemoteChange {
        remoteStatus = withoutNul(remoteStatus);
        actor = withoutNul(actor);
        note = withoutNul(note);
        remoteUrl = withoutNul(remoteUrl);
    }

    private static String withoutNul(String text) {
        return text == null ? null : text.replace("\0", "");
    }

    /** What a change does to ASCEND's incident. */
    public enum Kind {
        /** Still open, now acknowledged. */
        ACKNOWLEDGED,
        /** Open again, no longer acknowledged (unacknowledged, or an acknowledgement timed out). */
        UNACKNOWLEDGED,
        /** Closed at the destination: ASCEND's incident closes too, and later resolves send nothing. */
        RESOLVED,
        /** Opened again after a resolve. */
        REOPENED,
        /** Status unchanged; who or what changed is recorded (reassigned, escalated, annotated...). */
        UPDATED,
        /** A type the channel type does not know: kept and shown, nothing changes. */
        NOT_UNDERSTOOD
    }
}
