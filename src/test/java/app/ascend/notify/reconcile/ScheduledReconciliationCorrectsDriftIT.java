package app.ascend.notify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * With a short interval, the scheduler reconciles on its own: a resolve made silently in PagerDuty reaches
 * ASCEND's incident without anyone asking, and the channel says what the pass corrected.
 */
@TestPropertySource(properties = {"ascend.reconcile.interval=1s", "ascend.reconcile.tick=200ms"})
@DirtiesContext
class ScheduledReconciliationCorrectsDriftIT extends ReconciliationTest {

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
}
