package app.ascend.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.channel.spi.RateLimit;
import app.ascend.notify.db.SqlTime;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.ids.Sha256;

/**
 * Each channel type says how many messages one destination takes in a sliding window
 * ({@code ChannelType.rateLimit}: e.g. about 120 per 60 s per routing key for one type, one a second per
 * chat channel for another, none for a bulk collector). Every send to a limited destination takes a slot
 * here first; the slots live in the database, under a row lock per destination, so the limit holds for
 * all instances together. Destinations are stored as SHA-256 hashes.
 */
@Component
public class RateBudget {
    /** Slots older than this count for no window ({@link RateLimit#MAX_WINDOW}); retention deletes them. */
    public static final Duration KEPT_FOR = RateLimit.MAX_WINDOW;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public RateBudget(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A slot taken ({@code slotId}), or the time the next slot frees ({@code waitUntil}). */
    public record Grant(String slotId, Instant waitUntil) {
        /** Sending is allowed and no slot was taken: there is no limit. */
        public static final Grant UNLIMITED = new Grant(null, null);

        public boolean granted() {
            return waitUntil == null;
        }
    }

    /**
     * Takes a slot of {@code limit} for {@code destination} at {@code now}; when none is free, says when
     * the next one frees.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Grant tryTake(String destination, RateLimit limit, Instant now) {
        if (!limit.limited()) {
            return Grant.UNLIMITED;
        }
        Duration window = limit.window();
        String key = hash(destination);
        jdbc.sql("insert into rate_keys (key_hash) values (?) on conflict do nothing").param(key).update();
        jdbc.sql("select key_hash from rate_keys where key_hash = ? for update").param(key).query(String.class).single();
        Instant windowStart = now.minus(window);
        jdbc.sql("delete from rate_sends where key_hash = ? and sent_at <= ?").params(key, SqlTime.of(windowStart)).update();
        long used = jdbc.sql("select count(*) from rate_sends where key_hash = ?").param(key).query(Long.class).single();
        if (used < limit.count()) {
            String slot = Ids.newId("slot");
            jdbc.sql("insert into rate_sends (id, key_hash, sent_at) values (?, ?, ?)").params(slot, key, SqlTime.of(now))
                    .update();
            return new Grant(slot, null);
        }
        // The slot taken longest ago frees first; the k-th oldest frees k-th.
        Instant oldest = jdbc.sql("select min(sent_at) as oldest from rate_sends where key_hash = ?").param(key)
                .query((rs, n) -> SqlTime.read(rs, "oldest")).single();
        return new Grant(null, oldest.plus(window).plusMillis(1));
    }

    /** A slot taken for a send that its destination has answered, and when it answered. */
    public record Answered(String slotId, Instant answeredAt) {
    }

    /**
     * Moves slots to when the destination had answered, in one JDBC batch, in the caller's transaction (the
     * one that records the answers, so an answer is never lost because its slot could not be moved). A
     * destination counts a message when it receives it, which is after the slot was taken and before the answer;
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
