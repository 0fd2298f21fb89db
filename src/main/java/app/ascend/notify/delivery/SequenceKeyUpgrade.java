package app.ascend.notify.delivery;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ascend.notify.secret.SecretBox;

/**
 * Since V6 a delivery's sequence is its destination's alert ({@link SequenceKey}: destination and dedup
 * key); before, it also named the channel. The migration cannot compute the new keys (destinations are
 * sealed), so at start, before the dispatcher runs, the deliveries still to be sent are re-keyed: a
 * queued resolve then waits for any queued trigger of the same alert, whichever channel queued it. A
 * row already keyed is left alone, so later starts change nothing.
 */
@Component
class SequenceKeyUpgrade implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SequenceKeyUpgrade.class);
    private static final int PAGE = 1000;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final SecretBox secrets;

    SequenceKeyUpgrade(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretBox secrets) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.secrets = secrets;
    }

    @Override
    public void afterPropertiesSet() {
        String after = "";
        int changed = 0;
        while (true) {
            List<Object[]> updates = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            jdbc.sql("select id, destination_sealed, dedup_key, sequence_key from deliveries "
                    + "where status in ('pending', 'in_flight') and id > ? order by id limit ?").params(after, PAGE)
                    .query(rs -> {
                        ids.add(rs.getString(1));
                        String key = SequenceKey.of(secrets.openRepeated(rs.getString(2)), rs.getString(3));
                        if (!key.equals(rs.getString(4))) {
                            updates.add(new Object[] { key, rs.getString(1) });
                        }
                    });
            if (!updates.isEmpty()) {
                jdbcTemplate.batchUpdate("update deliveries set sequence_key = ? where id = ?", updates);
                changed += updates.size();
            }
            if (ids.size() < PAGE) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        if (changed > 0) {
            log.info("{} queued deliveries moved to their destination's sequence (destination and dedup key)", changed);
        }
    }
}
