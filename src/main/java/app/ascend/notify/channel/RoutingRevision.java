package app.ascend.notify.channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An organization's routing revision ({@code organizations.routing_revision}): one number that every write to what
 * routes its events (its channels, its maintenance windows) adds one to, in the writer's transaction, on whichever
 * instance. Routing keeps what it parsed from those rows ({@link RoutingChannels}, the maintenance windows) while the
 * number is unchanged, so each ingest group reads this one number instead of the rows, and a change made on any
 * instance routes the very next event.
 *
 * <p>Read once per transaction: routing asks for every organization of a group, for its channels and its windows.
 */
@Component
public class RoutingRevision {
    private final JdbcClient jdbc;

    RoutingRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's routing revision, as this transaction first read it (read now outside a transaction). */
    public long current(String organizationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(organizationId);
        }
        Key key = new Key(organizationId);
        Long kept = (Long) TransactionSynchronizationManager.getResource(key);
        if (kept == null) {
            kept = read(organizationId);
            TransactionSynchronizationManager.bindResource(key, kept);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return kept;
    }

    /**
     * Adds one to the organization's routing revision, after the caller's own write and in its transaction. A read
     * of this transaction before it is forgotten: what this transaction reads next is the changed rows.
     */
    public void changed(String organizationId) {
        jdbc.sql("update organizations set routing_revision = routing_revision + 1 where id = ?").param(organizationId)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(new Key(organizationId));
        }
    }

    private long read(String organizationId) {
        return jdbc.sql("select routing_revision from organizations where id = ?").param(organizationId)
                .query(Long.class).optional().orElse(0L);
    }

    /** The transaction resource key: one per organization, private to this class. */
    private record Key(String organizationId) {
    }
}
