package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the command line prints after starting tells where both channel types point and how to read results. */
class SimulatorUsageTextTest {

    @Test
    void usageNamesThePagerDutyAndWebhookEndpoints() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("http://127.0.0.1:8090/v2/enqueue")
                .contains("http://127.0.0.1:8090/webhooks/{endpoint}")
                .contains("curl -X PUT http://127.0.0.1:8090/_sim/webhooks/{endpoint}/secrets")
                .contains("curl http://127.0.0.1:8090/_sim/webhooks/{endpoint}/messages")
                .contains("/_sim/webhooks/{endpoint}/faults");
    }

    @Test
    void usageNamesTheChangeEventsApiAndItsControlRoute() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("http://127.0.0.1:8090/v2/change/enqueue")
                .contains("curl http://127.0.0.1:8090/_sim/changes?routing_key=");
    }

    @Test
    void usageNamesTheTeamsWorkflowsStandIn() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("http://127.0.0.1:8090/teams/workflows/{flow}")
                .contains("curl http://127.0.0.1:8090/_sim/teams/{flow}/messages")
                .contains("/_sim/teams/{flow}/faults");
    }

    @Test
    void usageNamesTheSlackEndpoints() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("http://127.0.0.1:8090/slack/webhooks/{name}")
                .contains("ASCEND_SLACK_API_URL=http://127.0.0.1:8090/slack/api")
                .contains("curl http://127.0.0.1:8090/_sim/slack/messages")
                .contains("/_sim/slack/faults");
    }

    @Test
    void usageNamesTheSplunkHecStandIn() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("http://127.0.0.1:8090/splunk/{collector}")
                .contains("curl http://127.0.0.1:8090/_sim/splunk/{collector}/events")
                .contains("faults");
    }

    @Test
    void usageNamesTheServiceNowStandIn() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("instance_url http://127.0.0.1:8090/servicenow/{instance}")
                .contains("curl http://127.0.0.1:8090/_sim/servicenow/{instance}/incidents")
                .contains("lose_answer");
    }

    @Test
    void usageNamesTheV3WebhookSubscriptionsAndTheHandControls() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("curl -X POST http://127.0.0.1:8090/_sim/subscriptions")
                .contains(".../subscriptions/deliveries")
                .contains("curl -X POST http://127.0.0.1:8090/_sim/incidents/acknowledge")
                .contains(".../incidents/resolve");
    }

    @Test
    void usageNamesTheRestApiStandInAndSilentChanges() {
        String usage = PagerDutySimulator.usage("http://127.0.0.1:8090");

        assertThat(usage).contains("ASCEND_PAGERDUTY_REST_URL=http://127.0.0.1:8090")
                .contains("http://127.0.0.1:8090/_sim/rest/tokens").contains("\"silent\":true");
    }
}
