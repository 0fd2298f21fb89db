package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.TestDatabase;

/**
 * The positions that order a sequence's deliveries come from one sequence, migrated per database
 * (db/vendor/{vendor}): PostgreSQL hands them out one at a time (a cache there is per connection and would break
 * insert order across connections), H2 from a cache of 10,000 (its one engine keeps them in order whatever the
 * cache, and each refill is an extra write of the store).
 */
class DeliveryPositionSequenceIT extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachDatabaseCachesTheDeliveryPositionsAsItsOrderAllows() {
        if (TestDatabase.isPostgres()) {
            assertThat(jdbc.queryForObject("select cache_size from pg_sequences "
                    + "where sequencename = 'delivery_position' and schemaname = current_schema()", Long.class)).isEqualTo(1L);
        } else {
            assertThat(jdbc.queryForObject("select cache from information_schema.sequences "
                    + "where sequence_name = 'delivery_position'", Long.class)).isEqualTo(10_000L);
        }
        long first = jdbc.queryForObject("select nextval('delivery_position')", Long.class);
        long second = jdbc.queryForObject("select nextval('delivery_position')", Long.class);
        assertThat(second).isGreaterThan(first);
    }
}
