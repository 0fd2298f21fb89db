package app.ascend.notify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.db.SqlTime;
import tools.jackson.databind.JsonNode;

/**
 * With a short interval, the scheduler reconciles on its own: a resolve made silently in PagerDuty reaches
 * ASCEND's incident without anyone asking, and the channel says what the pass corrected. A channel without a
 * REST API token is looked at and put off, never passed: no request for it reaches PagerDuty's REST API.
 */
@TestPropertySource(properties = {"ascend.reconcile.interval=1s", "ascend.reconcile.tick=200ms"})
@DirtiesContext
class ScheduledReconciliationCorrectsDriftIT extends ReconciliationTest {

    @Autowired
    JdbcClient database;

    @Test
    void theSchedulerCorrectsASilentResolve() {
        Reconciled reconciled = channel(newToken(), true);
        String dedupKey = page(reconciled);

        PAGERDUTY.changeByHand(true, reconciled.routingKey(), dedupKey, "Jane Doe", true);

        eventually().until(() -> "resolved".equals(incident(reconciled.pipeline(), dedupKey).get("status").stringValue()));
        JsonNode runs = reconciled.pipeline().admin().get(path(reconciled) + "/reconciliations").json().get("items");
        assertThat(runs).isNotEmpty();
        JsonNode run = runs.get(0);
        assertThat(run.get("trigger").stringValue()).isEqualTo("scheduled");
        assertThat(run.get("corrections").get(0).get("detail").stringValue())
                .startsWith("corrected by reconciliation: PagerDuty says resolved by Jane Doe at ");
        assertThat(run.get("corrections").get(0).get("from").stringValue()).isEqualTo("open");
        assertThat(run.get("corrections").get(0).get("to").stringValue()).isEqualTo("resolved");
    }

    @Test
    void theSchedulerSkipsAChannelWithoutATokenAndAsksNothingForIt() {
        Reconciled tokenless = channel(null, false);
        Reconciled withToken = channel(newToken(), true);
        String tokenlessKey = page(tokenless);
        String driftedKey = page(withToken);
        assertThat(PAGERDUTY.changeByHand(true, tokenless.routingKey(), tokenlessKey, "Jane Doe", true)).isTrue();
        assertThat(PAGERDUTY.changeByHand(true, withToken.routingKey(), driftedKey, "Jane Doe", true)).isTrue();

        // The scheduler runs meanwhile: the channel with a token is corrected...
        eventually().until(() -> "resolved".equals(incident(withToken.pipeline(), driftedKey).get("status").stringValue()));
        // ...and the tokenless one was looked at again since (each look puts it off an interval, nothing asked).
        Instant putOffTo = eventually().until(() -> nextDueAt(tokenless), Objects::nonNull);
        eventually().until(() -> nextDueAt(tokenless).isAfter(putOffTo));

        assertThat(restRequestsFor(tokenlessKey)).isZero();
        assertThat(restRequestsFor(driftedKey)).isPositive();
        assertThat(incident(tokenless.pipeline(), tokenlessKey).get("status").stringValue()).isEqualTo("open");
        Map<String, Object> lease = database.sql("select * from reconciliation_leases where channel_id = ?")
                .param(tokenless.channelId()).query().singleRow();
        assertThat(lease.get("last_run_at")).isNull();
        assertThat(lease.get("holder")).isNull();
        JsonNode runs = tokenless.pipeline().admin().get(path(tokenless) + "/reconciliations").json().get("items");
        assertThat(runs).isEmpty();
        JsonNode reconciliation = tokenless.pipeline().admin().get(path(tokenless)).json().get("reconciliation");
        assertThat(reconciliation.get("enabled").asBoolean()).isFalse();
    }

    /** When the scheduler will look at the channel next; null before it first looked. */
    private Instant nextDueAt(Reconciled reconciled) {
        return database.sql("select next_due_at from reconciliation_leases where channel_id = ?")
                .param(reconciled.channelId()).query((rs, row) -> SqlTime.read(rs, "next_due_at")).optional().orElse(null);
    }
}
