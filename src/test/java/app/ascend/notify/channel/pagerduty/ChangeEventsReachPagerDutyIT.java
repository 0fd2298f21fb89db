package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.RecordedRequest;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * {@code policy.changed} and {@code agent.deployed} reach PagerDuty's Change Events API ({@code /v2/change/enqueue},
 * FACTS.md §6) on the channel's routing key, in its format to the field, and open no incident, here or there; the
 * explain view and the delivery log show the change.
 */
class ChangeEventsReachPagerDutyIT extends ApiTest {

    @Test
    void aPolicyChangeAndAnAgentDeploymentAreChangeEventsThatOpenNoIncident() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));

        String policy = org.postEvent(Events.event("policy.changed").put("policy_name", "Data Protection Policy")
                .put("user", "alice@acme.example").put("occurred_at", "2026-12-06T18:47:33.315Z"));
        String agent = org.postEvent(Events.event("agent.deployed").put("agent_id", "customer-service-agent")
                .put("summary", "customer-service-agent 2.4.0 deployed"));

        eventually().until(() -> changes(routingKey).size() == 2);
        // The two changes are sent concurrently and may arrive in either order: pick each by its event type.
        RecordedRequest policyChange = changeOfType(routingKey, "policy.changed");
        RecordedRequest agentChange = changeOfType(routingKey, "agent.deployed");
        for (RecordedRequest change : List.of(policyChange, agentChange)) {
            assertThat(change.path()).isEqualTo("/v2/change/enqueue");
            assertThat(change.responseBody()).isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\"}");
            assertThat(names(change.json())).containsExactly("routing_key", "payload", "links");
            assertThat(change.json().get("routing_key").stringValue()).isEqualTo(routingKey);
            assertThat(names(change.json().get("payload"))).containsExactly("summary", "timestamp", "source", "custom_details");
            assertThat(change.json().at("/payload/source").stringValue()).isEqualTo("ascend-governance");
            assertThat(change.json().at("/payload/custom_details/organization").stringValue())
                    .isEqualTo(org.organizationName());
        }
        JsonNode policyJson = policyChange.json();
        assertThat(policyJson.at("/payload/summary").stringValue())
                .isEqualTo("Policy changed: Data Protection Policy by alice@acme.example");
        assertThat(policyJson.at("/payload/timestamp").stringValue()).isEqualTo("2026-12-06T18:47:33.315Z");
        assertThat(policyJson.at("/payload/custom_details/policy_name").stringValue()).isEqualTo("Data Protection Policy");
        assertThat(policyJson.at("/links/0/href").stringValue()).endsWith("/#/events/" + policy);
        JsonNode agentJson = agentChange.json();
        assertThat(agentJson.at("/payload/summary").stringValue()).isEqualTo("customer-service-agent 2.4.0 deployed");
        assertThat(agentJson.at("/payload/custom_details/agent_id").stringValue()).isEqualTo("customer-service-agent");
        assertThat(agentJson.at("/links/0/href").stringValue()).endsWith("/#/events/" + agent);

        // No incident: none at PagerDuty for this key, none in ASCEND.
        assertThat(PAGERDUTY.incidents().stream().filter(i -> routingKey.equals(i.routingKey()))).isEmpty();
        ApiResponse incidents = org.admin().get("/api/incidents");
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.json().get("items")).isEmpty();

        JsonNode decision = org.decision(policy, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(decision.get("reason").stringValue()).startsWith("change queued for routing key");
        eventually().until(() -> "delivered".equals(org.deliveryOf(agent).get("status").stringValue()));
        JsonNode delivery = org.deliveryOf(policy);
        assertThat(delivery.get("kind").stringValue()).isEqualTo("change");
        assertThat(delivery.get("dedup_key").stringValue()).isEqualTo("ascend-" + policy);
    }

    private static List<RecordedRequest> changes(String routingKey) {
        return PAGERDUTY.changeEventsFor(routingKey);
    }

    /** The one change of this event type received for the key, whatever its place in the arrival order. */
    private static RecordedRequest changeOfType(String routingKey, String eventType) {
        List<RecordedRequest> matching = changes(routingKey).stream()
                .filter(r -> eventType.equals(r.json().at("/payload/custom_details/event_type").stringValue()))
                .toList();
        assertThat(matching).as("change events of type %s", eventType).hasSize(1);
        return matching.get(0);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
