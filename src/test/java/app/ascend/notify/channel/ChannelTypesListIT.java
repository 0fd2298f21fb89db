package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/notifications/channel-types}: every installed type, described enough for a client to offer it. */
class ChannelTypesListIT extends ApiTest {

    @Test
    void describesPagerDutyAsTheRegistryHoldsIt() {
        ApiClient viewer = newTenant().newUser("viewer");

        ApiResponse answer = viewer.get("/api/notifications/channel-types");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode pagerDuty = typeNamed(answer.json(), "pagerduty");
        assertThat(pagerDuty).as(answer.body()).isNotNull();
        assertThat(pagerDuty.get("display_name").stringValue()).isEqualTo("PagerDuty");
        assertThat(pagerDuty.get("destination_noun").stringValue()).isEqualTo("routing key");
        assertThat(pagerDuty.get("follow_ups").stringValue()).isEqualTo("open_incidents");
        assertThat(pagerDuty.get("opens_incidents").booleanValue()).isTrue();
        assertThat(strings(pagerDuty.get("owned_fields"))).contains("config", "severity_mapping");
        // PagerDuty is where the notices come from: it lists them as refused, so a client does not offer them.
        assertThat(strings(pagerDuty.get("refused_events"))).containsExactly("incident.acknowledged",
                "incident.unacknowledged", "incident.resolved", "incident.reopened", "incident.updated");
        // A change is not a ticket: the ticket type lists the change types (and the notices) it refuses.
        assertThat(strings(typeNamed(answer.json(), "servicenow").get("refused_events")))
                .containsExactly("policy.changed", "agent.deployed", "agent.permissions_changed", "incident.acknowledged",
                        "incident.unacknowledged", "incident.resolved", "incident.reopened", "incident.updated");
        assertThat(typeNamed(answer.json(), "webhook").get("refused_events")).isEmpty();
    }

    @Test
    void everyTypeIsCompleteAndListedOnceInNameOrder() {
        JsonNode types = newTenant().admin().get("/api/notifications/channel-types").json().get("channel_types");

        List<String> names = new ArrayList<>();
        for (JsonNode type : types) {
            names.add(type.get("type").stringValue());
            assertThat(type.get("display_name").stringValue()).as(type.toString()).isNotBlank();
            assertThat(type.get("destination_noun").stringValue()).as(type.toString()).isNotBlank();
            assertThat(type.get("owned_fields").size()).as(type.toString()).isPositive();
            assertThat(type.get("follow_ups").stringValue()).as(type.toString()).isIn("open_incidents", "every_event", "after_trigger");
            // A type opens incidents exactly when it follows up open incidents (DeliveryRules' rule).
            assertThat(type.get("opens_incidents").booleanValue())
                    .isEqualTo("open_incidents".equals(type.get("follow_ups").stringValue()));
        }
        assertThat(names).isSorted().doesNotHaveDuplicates().contains("pagerduty");
    }

    @Test
    void refusesAnAnonymousCaller() {
        ApiResponse answer = anonymous().get("/api/notifications/channel-types");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }

    private static JsonNode typeNamed(JsonNode body, String name) {
        for (JsonNode type : body.get("channel_types")) {
            if (name.equals(type.get("type").stringValue())) {
                return type;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.stringValue()));
        return values;
    }
}
