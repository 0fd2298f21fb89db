package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.Tenant;

/** Each of the page's three "curl -X POST .../api/api/notifications/channels" lines answers 201 with the channel. */
class PageChannelCurlLinesIT extends ApiTest {

    @Test
    void securityChannelIsCreatedAsThePageShowsIt() {
        Tenant tenant = newTenant();
        ApiResponse created = tenant.admin().post("/api/api/notifications/channels", PageBodies.SECURITY_CHANNEL);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").stringValue()).startsWith("chan_");
        assertThat(created.json().get("name").stringValue()).isEqualTo("PagerDuty Security");
        assertThat(created.json().get("type").stringValue()).isEqualTo("pagerduty");
        assertThat(created.json().get("config").get("integration_key").stringValue()).isEqualTo("****-key");
        assertThat(created.json().get("events").toString())
                .isEqualTo("[\"action.blocked\",\"policy.violation\",\"auth.failed\",\"anomaly.detected\"]");
        assertThat(created.json().get("severity_mapping").toString())
                .isEqualTo("{\"critical\":\"critical\",\"high\":\"error\",\"medium\":\"warning\",\"low\":\"info\"}");
        assertThat(created.body()).doesNotContain("your-routing-key", "your-integration-key");
    }

    @Test
    void criticalOnlyAndRunbookChannelsAreCreated() {
        Tenant tenant = newTenant();
        ApiResponse critical = tenant.admin().post("/api/api/notifications/channels", PageBodies.CRITICAL_ONLY_CHANNEL);
        ApiResponse runbooks = tenant.admin().post("/api/api/notifications/channels", PageBodies.RUNBOOKS_CHANNEL);

        assertThat(critical.status()).as(critical.body()).isEqualTo(201);
        assertThat(critical.json().get("filters").get("min_risk_score").asInt()).isEqualTo(90);
        assertThat(runbooks.status()).as(runbooks.body()).isEqualTo(201);
        assertThat(runbooks.json().get("config").get("runbook_links").get("action.blocked").stringValue())
                .isEqualTo("https://wiki.company.com/runbooks/blocked-action");
        assertThat(runbooks.json().get("config").get("integration_key").stringValue()).isEqualTo("****");
    }
}
