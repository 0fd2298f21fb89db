package app.ascend.notify.audit;

/**
 * Who made a change, as the audit trail records it: the trail owns this small view of the caller so it
 * needs nothing of {@code identity}. Identity's own changes (users, API keys, organizations) are audited,
 * so identity depends on audit; the principal implements this interface rather than audit importing it.
 */
public interface Actor {
    String organizationId();

    /** The user's id, or the API key's id for a machine client. */
    String actorId();

    /** A name for the entry and logs; never a secret. */
    String displayName();
}
