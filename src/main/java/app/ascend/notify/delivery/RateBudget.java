package app.ascend.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.db.SqlTime;

/**
 * PagerDuty accepts about 120 events per minute per routing key over a sliding 60 s window ([D5],
 * FACTS.md §5). Every send takes a slot here first; the slots live in the database, under a row lock
 * per key, so the limit holds for all instances together. Keys are stored as SHA-256 hashes.
 */
@Component
public class RateBudget {
    public static final Duration WINDOW = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private final DeliveryProperties properties;

    public RateBudget(JdbcClient jdbc, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.ratePerMinute() > 0;
    }

    /** Takes a slot for {@code destination} at {@code now}; when none is free, the time the next one frees. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> tryTake(String destination, Instant now) {
        String key = hash(destination);
        jdbc.sql("insert into rate_keys (key_hash) values (?) on conflict do nothing").param(key).update();
        jdbc.sql("select key_hash from rate_keys where key_hash = ? for update").param(key).query(String.class).single();
        Instant windowStart = now.minus(WINDOW);
        jdbc.sql("delete from rate_sends where key_hash = ? and sent_at <= ?").params(key, SqlTime.of(windowStart)).update();
        long used = jdbc.sql("select count(*) from rate_sends where key_hash = ?").param(key).query(Long.class).single();
        if (used < properties.ratePerMinute()) {
            jdbc.sql("insert into rate_sends (key_hash, sent_at) values (?, ?)").params(key, SqlTime.of(now)).update();
            return Optional.empty();
        }
        // The slot taken longest ago frees first; the k-th oldest frees k-th.
        Instant oldest = jdbc.sql("select min(sent_at) as oldest from rate_sends where key_hash = ?").param(key)
                .query((rs, n) -> SqlTime.read(rs, "oldest")).single();
        return Optional.of(oldest.plus(WINDOW).plusMillis(1));
    }

    static String hash(String destination) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(destination.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
