package app.ascend.notify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Responders acknowledged and resolved incidents in PagerDuty and no webhook told ASCEND (the simulator changed
 * them silently): "Reconcile now" asks PagerDuty's REST API, corrects both incidents through the webhooks' path
 * (status, remote, audit trail, a notice for other channels) and says what it corrected; a second pass finds
 * nothing more.
 */
class ReconciliationCorrectsDriftIT extends ReconciliationTest {

    @Test
    void reconcileNowCorrectsAResolveAndAnAcknowledgementMadeSilentlyInPagerDuty() {
        Reconciled reconciled = channel(newToken(), true);
        String resolvedKey = page(reconciled);
        String acknowledgedKey = page(reconciled);
        assertThat(PAGERDUTY.changeByHand(true, reconciled.routingKey(), resolvedKey, "Jane Doe", true)).isTrue();
        assertThat(PAGERDUTY.changeByHand(false, reconciled.routingKey(), acknowledgedKey, "Sam Roe", true)).isTrue();
        assertThat(incident(reconciled.pipeline(), resolvedKey).get("status").stringValue()).isEqualTo("open");

        ApiResponse answer = reconciled.pipeline().admin().post(path(reconciled) + "/reconcile", java.util.Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode run = answer.json();
        assertThat(run.get("trigger").stringValue()).isEqualTo("manual");
        assertThat(run.get("open_incidents").asInt()).isEqualTo(2);
        assertThat(run.get("checked").asInt()).isEqualTo(2);
        assertThat(run.get("corrected").asInt()).isEqualTo(2);
        assertThat(run.get("error").isNull()).isTrue();
        assertThat(run.get("corrections").toString())
                .contains("corrected by reconciliation: PagerDuty says resolved by Jane Doe at ")
                .contains("corrected by reconciliation: PagerDuty says acknowledged by Sam Roe at ");

        JsonNode resolved = incident(reconciled.pipeline(), resolvedKey);
        assertThat(resolved.get("status").stringValue()).isEqualTo("resolved");
        assertThat(resolved.get("reason").stringValue()).startsWith("the incident was resolved in PagerDuty by Jane Doe at ");
        assertThat(resolved.get("remote").get("actor").stringValue()).isEqualTo("Jane Doe");
        JsonNode acknowledged = incident(reconciled.pipeline(), acknowledgedKey);
        assertThat(acknowledged.get("status").stringValue()).isEqualTo("acknowledged");
        assertThat(acknowledged.get("remote").get("status").stringValue()).isEqualTo("acknowledged");

        JsonNode audit = reconciled.pipeline().admin().get("/api/audit-log?target_id=" + resolved.get("id").stringValue())
                .json().get("items").get(0);
        assertThat(audit.get("action").stringValue()).isEqualTo("incident.remote_resolved");
        assertThat(audit.get("actor_email").stringValue()).isEqualTo("PagerDuty: Jane Doe");
        assertThat(audit.get("changes").get("note").stringValue())
                .startsWith("corrected by reconciliation: PagerDuty says resolved by Jane Doe at ");

        // Each correction is a state change like a webhook's: a notice other channels may subscribe to.
        JsonNode events = reconciled.pipeline().admin().get("/api/events?limit=50").json().get("items");
        java.util.List<String> notices = new java.util.ArrayList<>();
        events.forEach(e -> notices.add(e.get("type").stringValue() + " " + e.path("summary").asString("")));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("incident.resolved ").contains("by Jane Doe"));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("incident.acknowledged ").contains("by Sam Roe"));

        JsonNode channel = reconciled.pipeline().admin().get(path(reconciled)).json();
        assertThat(channel.get("config").get("rest_api_token").stringValue())
                .isEqualTo(app.ascend.notify.support.Channels.masked(reconciled.token()));
        assertThat(channel.toString()).doesNotContain(reconciled.token());
        assertThat(channel.get("reconciliation").get("enabled").asBoolean()).isTrue();
        assertThat(channel.get("reconciliation").get("checked").asInt()).isEqualTo(2);
        assertThat(channel.get("reconciliation").get("corrected").asInt()).isEqualTo(2);
        assertThat(channel.get("reconciliation").get("last_run_at").isNull()).isFalse();

        ApiResponse again = reconciled.pipeline().admin().post(path(reconciled) + "/reconcile", java.util.Map.of());
        assertThat(again.json().get("checked").asInt()).isEqualTo(1); // the acknowledged one is still open
        assertThat(again.json().get("corrected").asInt()).isZero();

        JsonNode runs = reconciled.pipeline().admin().get(path(reconciled) + "/reconciliations").json().get("items");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).get("id").stringValue()).isEqualTo(run.get("id").stringValue());
        assertThat(runs.get(1).get("corrections")).hasSize(2);
    }

    @Test
    void aChannelWithoutATokenIsNeverReconciledAndNoRequestIsMade() {
        Reconciled reconciled = channel(null, false);
        String dedupKey = page(reconciled);
        PAGERDUTY.changeByHand(true, reconciled.routingKey(), dedupKey, "Jane Doe", true);

        ApiResponse answer = reconciled.pipeline().admin().post(path(reconciled) + "/reconcile", java.util.Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.body()).contains("rest_api_token");
        assertThat(restRequestsFor(dedupKey)).isZero();
        assertThat(incident(reconciled.pipeline(), dedupKey).get("status").stringValue()).isEqualTo("open");
        JsonNode channel = reconciled.pipeline().admin().get(path(reconciled)).json();
        assertThat(channel.get("reconciliation").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void aRefusedTokenIsShownAsTheErrorAndNothingChanges() {
        Reconciled reconciled = channel(newToken(), false);
        String dedupKey = page(reconciled);
        PAGERDUTY.changeByHand(true, reconciled.routingKey(), dedupKey, "Jane Doe", true);

        ApiResponse answer = reconciled.pipeline().admin().post(path(reconciled) + "/reconcile", java.util.Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("corrected").asInt()).isZero();
        assertThat(answer.json().get("error").stringValue()).contains("PagerDuty refused the REST API token")
                .contains("401");
        assertThat(answer.body()).doesNotContain(reconciled.token());
        assertThat(restRequestsFor(dedupKey)).isEqualTo(1);
        assertThat(incident(reconciled.pipeline(), dedupKey).get("status").stringValue()).isEqualTo("open");
        JsonNode channel = reconciled.pipeline().admin().get(path(reconciled)).json();
        assertThat(channel.get("reconciliation").get("error").stringValue()).contains("refused the REST API token");
    }

    @Test
    void aRateLimitEndsThePassAndSaysSo() {
        Reconciled reconciled = channel(newToken(), true);
        String dedupKey = page(reconciled);
        PAGERDUTY.changeByHand(true, reconciled.routingKey(), dedupKey, "Jane Doe", true);
        PAGERDUTY.restApi().failNext(1, 429, "120");

        ApiResponse answer = reconciled.pipeline().admin().post(path(reconciled) + "/reconcile", java.util.Map.of());

        assertThat(answer.json().get("error").stringValue()).contains("rate limit").contains("429");
        assertThat(incident(reconciled.pipeline(), dedupKey).get("status").stringValue()).isEqualTo("open");
        JsonNode reconciliation = reconciled.pipeline().admin().get(path(reconciled)).json().get("reconciliation");
        // Not due again before PagerDuty's Retry-After (120 s), though the interval is shorter in no test.
        assertThat(java.time.Instant.parse(reconciliation.get("next_due_at").stringValue()))
                .isAfter(java.time.Instant.parse(reconciliation.get("last_run_at").stringValue()).plusSeconds(119));
    }
}
