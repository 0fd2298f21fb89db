package app.ascend.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.ids.Sha256;

/**
 * PagerDuty accepts about 120 events per minute per routing key over a sliding 60 s window ([D5],
 * FACTS.md §5). Every send takes a slot here first; the slots live in the database, under a row lock
 * per key, so the limit holds for all instances together. Keys are stored as SHA-256 hashes.
 */
@Component
public class RateBudget {
    public static final Duration WINDOW = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DeliveryProperties properties;

    public RateBudget(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.ratePerMinute() > 0;
    }

    /** A slot taken ({@code slotId}), or the time the next slot frees ({@code waitUntil}). */
    public record Grant(String slotId, Instant waitUntil) {
        /** Sending is allowed and no slot was taken: there is no limit. */
        public static final Grant UNLIMITED = new Grant(null, null);

        public boolean granted() {
            return waitUntil == null;
        }
    }

    /** Takes a slot for {@code destination} at {@code now}; when none is free, says when the next one frees. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Grant tryTake(String destination, Instant now) {
        String key = hash(destination);
        jdbc.sql("insert into rate_keys (key_hash) values (?) on conflict do nothing").param(key).update();
        jdbc.sql("select key_hash from rate_keys where key_hash = ? for update").param(key).query(String.class).single();
        Instant windowStart = now.minus(WINDOW);
        jdbc.sql("delete from rate_sends where key_hash = ? and sent_at <= ?").params(key, SqlTime.of(windowStart)).update();
        long used = jdbc.sql("select count(*) from rate_sends where key_hash = ?").param(key).query(Long.class).single();
        if (used < properties.ratePerMinute()) {
            String slot = Ids.newId("slot");
            jdbc.sql("insert into rate_sends (id, key_hash, sent_at) values (?, ?, ?)").params(slot, key, SqlTime.of(now))
                    .update();
            return new Grant(slot, null);
        }
        // The slot taken longest ago frees first; the k-th oldest frees k-th.
        Instant oldest = jdbc.sql("select min(sent_at) as oldest from rate_sends where key_hash = ?").param(key)
                .query((rs, n) -> SqlTime.read(rs, "oldest")).single();
        return new Grant(null, oldest.plus(WINDOW).plusMillis(1));
    }

    /** A slot taken for a send that PagerDuty has answered, and when it answered. */
    public record Answered(String slotId, Instant answeredAt) {
    }

    /**
     * Moves slots to when PagerDuty had answered, in one JDBC batch, in the caller's transaction (the one
     * that records the answers, so an answer is never lost because its slot could not be moved). PagerDuty
     * counts an event when it receives it, which is after the slot was taken and before the answer;
     * counting the window from the answer keeps the two windows from overlapping even when a send is slow
     * (a 41st event a few milliseconds early would be a 429).
     */
    public void sentByAll(List<Answered> slots) {
        if (slots.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("update rate_sends set sent_at = ? where id = ?",
                slots.stream().map(s -> new Object[] { SqlTime.of(s.answeredAt()), s.slotId() }).toList());
    }

    static String hash(String destination) {
        return Sha256.hex(destination);
    }
}
