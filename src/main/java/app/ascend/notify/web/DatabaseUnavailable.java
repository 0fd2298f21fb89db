package app.ascend.notify.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached now" (stopped, restarting, connections
 * broken, the pool out of connections), which the API answers 503 with {@code Retry-After} rather
 * than 500. What PostgreSQL and Hikari actually throw when the server is stopped under load
 * (found by {@code fault/PostgresStoppedOnPostgresIT}): {@code CannotGetJdbcConnectionException}
 * (pool timed out, connection refused), {@code DataAccessResourceFailureException} (an I/O error on a
 * pooled connection, SQLState 08006), {@code CannotCreateTransactionException} (the same when a
 * transaction begins), and SQLState 57P0x while it shuts down or starts up.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or any of its causes says the database is unreachable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                // The rollback of a transaction whose statement failed on a broken connection fails too; the
                // statement's failure rides along as the "application exception", not as the cause.
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; admin/crash shutdown, cannot connect now (starting up)
            }
        }
        return false;
    }
}
