package app.ascend.notify.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import app.ascend.notify.support.TestDatabase;

/**
 * A database that refuses, for a while, to move a rate slot ({@code update rate_sends}): a trigger that
 * fails the statement, as a busy pool or a failover fails it in production. Each refusal is counted
 * outside the refused transaction (a static counter on H2, whose triggers are Java; a sequence on
 * PostgreSQL, which a rollback does not undo), so a test can wait until the write was refused.
 */
final class SlotWriteRefusal {
    private static final AtomicInteger H2_REFUSALS = new AtomicInteger();
    private final JdbcTemplate jdbc;

    SlotWriteRefusal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void install() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("create sequence refused_slot_writes");
            jdbc.execute("create function refuse_slot_write() returns trigger language plpgsql as $$ begin "
                    + "perform nextval('refused_slot_writes'); raise exception 'rate slot write refused by the test'; end $$");
            jdbc.execute("create trigger refuse_slot_write before update on rate_sends for each row "
                    + "execute function refuse_slot_write()");
        } else {
            H2_REFUSALS.set(0);
            jdbc.execute("create trigger refuse_slot_write before update on rate_sends for each row call '"
                    + H2Trigger.class.getName() + "'");
        }
    }

    int refusals() {
        if (TestDatabase.isPostgres()) {
            return jdbc.queryForObject("select case when is_called then last_value else 0 end from refused_slot_writes",
                    Integer.class);
        }
        return H2_REFUSALS.get();
    }

    void remove() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("drop trigger refuse_slot_write on rate_sends");
        } else {
            jdbc.execute("drop trigger refuse_slot_write");
        }
    }

    /** H2's side of the trigger. */
    public static final class H2Trigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            H2_REFUSALS.incrementAndGet();
            throw new SQLException("rate slot write refused by the test");
        }
    }
}
