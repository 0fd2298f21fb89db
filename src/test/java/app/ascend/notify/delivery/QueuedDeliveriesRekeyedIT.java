package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.crypto.spec.SecretKeySpec;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.ascend.notify.routing.EventRouter;
import app.ascend.notify.secret.SecretBox;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.TestDatabase;

/**
 * Deliveries queued before the upgrade carry the old sequence key (with the channel in it); at start
 * they move to their PagerDuty alert's sequence, so a resolve queued afterwards still waits for them.
 * Finished ones are left as they are.
 */
@ExtendWith(PostgresAvailableCondition.class)
class QueuedDeliveriesRekeyedIT {

    @Test
    void aQueuedTriggerJoinsItsAlertsSequenceAndADeliveredOneIsLeftAlone() {
        String url = TestDatabase.newDatabaseUrl();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, TestDatabase.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretBox secrets = new SecretBox(new SecretKeySpec(key, "AES"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String destination = "us|R0123456789abcdef0123456789abcde";
        String oldKey = EventRouter.incidentKey("chan_1", destination, "ascend-act_1");
        for (String[] row : new String[][] { { "dlv_1", "pending" }, { "dlv_2", "delivered" } }) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.update("insert into deliveries (id, org_id, channel_id, channel_type, kind, sequence_key, dedup_key, "
                    + "destination_sealed, destination_masked, priority, payload, status, created_at, retry_from, "
                    + "next_attempt_at) values (?, 'org_1', 'chan_1', 'pagerduty', 'trigger', ?, 'ascend-act_1', ?, "
                    + "'****bcde', 1, '{}', ?, ?, ?, ?)", row[0], oldKey, secrets.sealRepeated(destination), row[1], now,
                    now, now);
        }

        new SequenceKeyUpgrade(JdbcClient.create(dataSource), jdbc, secrets).afterPropertiesSet();

        assertThat(jdbc.queryForObject("select sequence_key from deliveries where id = 'dlv_1'", String.class))
                .isEqualTo(SequenceKey.of(destination, "ascend-act_1"));
        assertThat(jdbc.queryForObject("select sequence_key from deliveries where id = 'dlv_2'", String.class))
                .isEqualTo(oldKey);
    }
}
