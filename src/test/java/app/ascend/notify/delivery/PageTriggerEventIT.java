package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product page's example event, posted through the API, reaches PagerDuty as the page's "Trigger
 * Event", field by field; the action's approval then sends exactly the page's "Resolve Event".
 */
class PageTriggerEventIT extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACTION_ID = "act_xyz789";
    private static final String DEDUP_KEY = "ascend-act_xyz789";
    private static final String OCCURRED_AT = "2026-03-14T09:26:53.589Z";

    /** Copied from the product page, with its placeholders "your-routing-key" and "Acme Corp". */
    private static final String PAGE_TRIGGER_EVENT = """
            {
            "routing_key": "your-routing-key",
            "event_action": "trigger",
            "dedup_key": "ascend-act_xyz789",
            "payload": {
            "summary": "High-risk action blocked: database_query on customer_database",
            "severity": "critical",
            "source": "ascend-governance",
            "component": "customer-service-agent",
            "group": "Acme Corp",
            "class": "policy.violation",
            "custom_details": {
            "action_id": "act_xyz789",
            "agent_id": "customer-service-agent",
            "action_type": "database_query",
            "resource": "customer_database",
            "risk_score": 85,
            "risk_level": "critical",
            "policy_name": "Data Protection Policy",
            "organization": "Acme Corp"
            }
            },
            "links": [
            {
            "href": "https://pilot.owkai.app/actions/act_xyz789",
            "text": "View in Ascend"
            }
            ]
            }
            """;

    /** Copied from the product page. */
    private static final String PAGE_RESOLVE_EVENT = """
            {
            "routing_key": "your-routing-key",
            "event_action": "resolve",
            "dedup_key": "ascend-act_xyz789"
            }
            """;

    @Test
    void pageExampleEventArrivesAsThePageTriggerEventFieldByField() {
        Pipeline acme = newPipeline();
        String routingKey = newRoutingKey();
        acme.createChannel(PipelineChannels.page(PageBodies.SECURITY_CHANNEL, "your-routing-key", routingKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);

        acme.postEvent(Events.pageExample(ACTION_ID).put("occurred_at", OCCURRED_AT));

        eventually().until(() -> pagerDuty.accepted(DEDUP_KEY).size() == 1);
        JsonNode sent = pagerDuty.only(DEDUP_KEY);
        JsonNode page = JSON.readTree(PAGE_TRIGGER_EVENT.replace("your-routing-key", routingKey)
                .replace("Acme Corp", acme.organizationName()));

        assertThat(sent.get("routing_key")).isEqualTo(page.get("routing_key"));
        assertThat(sent.get("event_action")).isEqualTo(page.get("event_action"));
        assertThat(sent.get("dedup_key")).isEqualTo(page.get("dedup_key"));
        for (String field : List.of("summary", "severity", "source", "component", "group", "class")) {
            assertThat(sent.get("payload").get(field)).as("payload.%s", field).isEqualTo(page.get("payload").get(field));
        }
        assertThat(sent.get("payload").get("group").stringValue()).isEqualTo(acme.organizationName());
        assertThat(sent.get("payload").get("custom_details")).isEqualTo(page.get("payload").get("custom_details"));
        assertThat(fieldNames(sent.get("payload").get("custom_details")))
                .containsExactlyElementsOf(fieldNames(page.get("payload").get("custom_details")));
        assertThat(sent.get("links")).isEqualTo(page.get("links"));
    }

    @Test
    void beyondThePageFieldsOnlyTheEventTimeAndTheClientAreSent() {
        Pipeline acme = newPipeline();
        String routingKey = newRoutingKey();
        acme.createChannel(PipelineChannels.page(PageBodies.SECURITY_CHANNEL, "your-routing-key", routingKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);

        acme.postEvent(Events.pageExample(ACTION_ID).put("occurred_at", OCCURRED_AT));

        eventually().until(() -> pagerDuty.accepted(DEDUP_KEY).size() == 1);
        JsonNode sent = pagerDuty.only(DEDUP_KEY);
        assertThat(fieldNames(sent))
                .containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key", "payload", "links", "client",
                        "client_url");
        assertThat(fieldNames(sent.get("payload")))
                .containsExactlyInAnyOrder("summary", "severity", "source", "component", "group", "class", "timestamp",
                        "custom_details");
        assertThat(sent.get("payload").get("timestamp").stringValue()).isEqualTo(OCCURRED_AT);
        assertThat(sent.get("client").stringValue()).isEqualTo("ASCEND");
        assertThat(sent.get("client_url").stringValue()).isEqualTo("https://pilot.owkai.app");
    }

    @Test
    void approvalSendsExactlyThePageResolveEventAndTheIncidentIsResolved() {
        Pipeline acme = newPipeline();
        String routingKey = newRoutingKey();
        acme.createChannel(PipelineChannels.page(PageBodies.SECURITY_CHANNEL, "your-routing-key", routingKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        acme.postEvent(Events.pageExample(ACTION_ID));
        eventually().until(() -> pagerDuty.accepted(DEDUP_KEY).size() == 1);
        assertThat(pagerDuty.incident(DEDUP_KEY).status()).isEqualTo(IncidentStatus.TRIGGERED);

        acme.postEvent(Events.approval(ACTION_ID));

        eventually().until(() -> pagerDuty.accepted(DEDUP_KEY).size() == 2);
        assertThat(pagerDuty.accepted(DEDUP_KEY).get(1))
                .isEqualTo(JSON.readTree(PAGE_RESOLVE_EVENT.replace("your-routing-key", routingKey)));
        assertThat(pagerDuty.incident(DEDUP_KEY).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
