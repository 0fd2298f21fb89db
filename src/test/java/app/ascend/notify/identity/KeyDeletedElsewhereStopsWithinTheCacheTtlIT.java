package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.MutableClockConfig;
import app.ascend.notify.support.Tenant;

/**
 * A key deleted from the database by someone other than this instance (another instance's revocation,
 * an operator) is not seen here until its cache entry is older than ascend.api-keys.cache-ttl; then the
 * next request reads the database and is refused. That it still works in between shows the cached key
 * answers without reading api_keys. The once-a-minute write of last_used_at also finds a key gone, and
 * refuses it at once. Time moves by hand.
 */
@TestPropertySource(properties = "ascend.api-keys.cache-ttl=10s")
@Import(MutableClockConfig.class)
@DirtiesContext
class KeyDeletedElsewhereStopsWithinTheCacheTtlIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void aKeyDeletedBehindThisInstanceWorksUntilItsEntryIsTtlOldThenIsRefused() {
        Tenant tenant = newTenant();
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String keyId = tenant.admin().get("/api/api-keys").itemIds().get(0);
        assertThat(post(engine).status()).isEqualTo(202);

        assertThat(jdbc.sql("delete from api_keys where id = ?").param(keyId).update()).isEqualTo(1);

        assertThat(post(engine).status()).as("cached: api_keys is not read").isEqualTo(202);
        clock.advance(Duration.ofSeconds(9));
        assertThat(post(engine).status()).as("9 s later, still cached").isEqualTo(202);
        clock.advance(Duration.ofSeconds(1));
        ApiResponse refused = post(engine);
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aKeyFoundGoneWhenItsUseIsRecordedIsRefusedAtOnce() {
        Tenant tenant = newTenant();
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());
        String keyId = tenant.admin().get("/api/api-keys").itemIds().get(0);
        assertThat(post(engine).status()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(10));
        // Used 55 s ago (through another instance): read again and cached, its use is recorded 5 s on.
        jdbc.sql("update api_keys set last_used_at = ? where id = ?")
                .params(SqlTime.of(clock.instant().minusSeconds(55)), keyId).update();
        assertThat(post(engine).status()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(6));

        assertThat(jdbc.sql("delete from api_keys where id = ?").param(keyId).update()).isEqualTo(1);

        assertProblem(post(engine), 401);
        assertProblem(post(engine), 401);
    }

    private static ApiResponse post(ApiClient client) {
        return client.post("/api/events", Map.of("type", "action.blocked", "action_id", "act_" + UUID.randomUUID()));
    }
}
