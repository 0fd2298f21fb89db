package app.ascend.notify.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.ids.Ids;

/**
 * Counts failed sign-ins per account and per client address in the database (so the limits hold for
 * all instances together) and locks a subject out once it crosses its limit. While locked, attempts
 * are refused without being counted, so the lock ends {@code lockout} after it began.
 */
@Component
public class LoginThrottle {
    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the account or the address is still locked out, if it is. */
    public Optional<Duration> lockedFor(String email, String address) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_locks where subject in (?, ?) and locked_until > ? "
                        + "order by locked_until desc limit 1")
                .params(account(email), address(address), SqlTime.of(now))
                .query((rs, n) -> SqlTime.read(rs, "locked_until"))
                .optional()
                .map(until -> Duration.between(now, until));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address) {
        countAndMaybeLock(account(email), limits.maxFailuresPerAccount());
        countAndMaybeLock(address(address), limits.maxFailuresPerAddress());
    }

    /** A successful sign-in forgives the account's earlier failures (not the address's). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String email) {
        jdbc.sql("delete from login_failures where subject = ?").param(account(email)).update();
    }

    private void countAndMaybeLock(String subject, int limit) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(limits.window());
        jdbc.sql("delete from login_failures where subject = ? and at < ?").params(subject, SqlTime.of(windowStart)).update();
        jdbc.sql("insert into login_failures (id, subject, at) values (?, ?, ?)")
                .params(Ids.newId("lf"), subject, SqlTime.of(now)).update();
        long failures = jdbc.sql("select count(*) from login_failures where subject = ? and at >= ?")
                .params(subject, SqlTime.of(windowStart)).query(Long.class).single();
        if (limit > 0 && failures >= limit) {
            Instant until = now.plus(limits.lockout());
            int updated = jdbc.sql("update login_locks set locked_until = ? where subject = ?")
                    .params(SqlTime.of(until), subject).update();
            if (updated == 0) {
                jdbc.sql("insert into login_locks (subject, locked_until) values (?, ?) on conflict do nothing")
                        .params(subject, SqlTime.of(until)).update();
            }
            jdbc.sql("delete from login_failures where subject = ?").param(subject).update();
        }
    }

    private static String account(String email) {
        return "account:" + email;
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
