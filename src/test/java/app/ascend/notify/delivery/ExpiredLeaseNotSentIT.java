package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A send that would start after its claim's lease ended does not go out: the rate check (here held
 * up by a lock on the key's rate row, as a busy database or a GC pause would) outlasts a 1 s lease,
 * and meanwhile another instance takes the delivery over. The late send is dropped; the delivery is
 * sent once, by whoever holds it.
 */
@TestPropertySource(properties = "ascend.delivery.lease=1s")
@DirtiesContext
class ExpiredLeaseNotSentIT extends ApiTest {

    @DynamicPropertySource
    static void waitLongForLocks(DynamicPropertyRegistry registry) {
        // H2 gives up waiting for a row lock after 2 s; the test holds one for longer than the lease.
        if (!TestDatabase.isPostgres()) {
            registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET LOCK_TIMEOUT 30000");
        }
    }

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aSendWhoseLeaseEndedBeforeItStartedIsLeftToTheInstanceHoldingTheDelivery() throws Exception {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        // A first send makes the key's row in rate_keys, the lock every rate check of the key takes.
        String first = Events.newActionId();
        org.postEvent(Events.trigger("action.blocked", first, 90));
        eventually().until(() -> pagerDuty.accepted("ascend-" + first).size() == 1);

        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;
        String event;
        String deliveryId;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (ResultSet rows = lock.createStatement().executeQuery("select key_hash from rate_keys for update")) {
                assertThat(rows.next()).isTrue();
            }
            event = org.postEvent(Events.trigger("action.blocked", action, 90));
            deliveryId = org.deliveryOf(event).get("id").stringValue();
            // Claimed, then stuck in the rate check until the lease is over.
            eventually().until(() -> jdbc.queryForObject("select count(*) from deliveries where id = ? and status = "
                    + "'in_flight' and claimed_until < ?", Integer.class, deliveryId, SqlTime.of(clock.instant())) == 1);
            // Another instance takes it over, as any instance may once the lease has ended.
            assertThat(jdbc.update("update deliveries set claimed_by = 'another-instance', claimed_until = ? where id = ?",
                    SqlTime.of(clock.instant().plus(Duration.ofMinutes(1))), deliveryId)).isEqualTo(1);
            lock.commit();
        }
        eventually().until(() -> leaseExpiredSends() > 0 || !pagerDuty.requests(dedupKey).isEmpty());
        assertThat(pagerDuty.requests(dedupKey)).as("sent although another instance held the delivery").isEmpty();

        // The other instance lets go (say it stopped); the delivery is sent once.
        jdbc.update("update deliveries set status = 'pending', claimed_by = null, claimed_until = null where id = ?",
                deliveryId);
        eventually().until(() -> "delivered".equals(org.deliveryOf(event).get("status").stringValue()));
        assertThat(pagerDuty.requests(dedupKey)).hasSize(1);
    }

    private double leaseExpiredSends() {
        Counter counter = meters.find("ascend.delivery.lease.expired").counter();
        return counter == null ? 0 : counter.count();
    }
}
