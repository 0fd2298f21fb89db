package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The product page's "Event Format → Trigger Event", field by field. */
class PageTriggerEventFormatTest {

    /** Copied from the product page. */
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

    private final JsonNode expected = Rendered.JSON.readTree(PAGE_TRIGGER_EVENT);
    private final JsonNode actual = Rendered.json(TestEvents.pageExample().build());

    @Test
    void everyFieldOfThePageTriggerEventIsRenderedWithThePageValue() {
        assertThat(differences("", expected, actual)).isEmpty();
    }

    @Test
    void onlyTimestampClientAndClientUrlAreAddedToThePageFields() {
        assertThat(fieldNames(actual))
                .containsExactly("routing_key", "event_action", "dedup_key", "payload", "links", "client", "client_url");
        assertThat(fieldNames(actual.get("payload")))
                .containsExactly("summary", "severity", "source", "component", "group", "class", "timestamp",
                        "custom_details");
        assertThat(actual.get("client").asString()).isEqualTo("ASCEND");
        assertThat(actual.get("client_url").asString()).isEqualTo("https://pilot.owkai.app");
    }

    @Test
    void customDetailsKeepThePageOrder() {
        assertThat(fieldNames(actual.at("/payload/custom_details")))
                .containsExactlyElementsOf(fieldNames(expected.at("/payload/custom_details")));
        assertThat(actual.at("/payload/custom_details/risk_score").isInt()).isTrue();
    }

    @Test
    void timestampIsTheEventTimeInUtcWithMillisecondsAndZ() {
        assertThat(actual.at("/payload/timestamp").asString()).isEqualTo("2026-03-14T09:26:53.589Z");
        JsonNode wholeSecond = Rendered.json(TestEvents.pageExample()
                .occurredAt(Instant.parse("2026-01-02T03:04:05Z")).build());
        assertThat(wholeSecond.at("/payload/timestamp").asString()).isEqualTo("2026-01-02T03:04:05.000Z");
        JsonNode nanos = Rendered.json(TestEvents.pageExample()
                .occurredAt(Instant.parse("2026-01-02T03:04:05.123456789Z")).build());
        assertThat(nanos.at("/payload/timestamp").asString()).isEqualTo("2026-01-02T03:04:05.123Z");
    }

    @Test
    void blockedActionWithoutSummaryOverrideGetsThePageSummaryFromTheTemplate() {
        JsonNode blocked = Rendered.json(TestEvents.pageExample()
                .type(EventType.ACTION_BLOCKED).summary(null).build());

        assertThat(blocked.at("/payload/summary").asString())
                .isEqualTo("High-risk action blocked: database_query on customer_database");
        assertThat(blocked.at("/payload/class").asString()).isEqualTo("action.blocked");
        assertThat(blocked.at("/payload/severity").asString()).isEqualTo("critical");
        assertThat(blocked.get("dedup_key").asString()).isEqualTo("ascend-act_xyz789");
    }

    @Test
    void organizationIdStandsInForAMissingOrganizationName() {
        RenderOptions noName = RenderOptions.of(Rendered.PAGE_ROUTING_KEY, null, Rendered.PAGE_PUBLIC_URL);
        JsonNode json = Rendered.json(TestEvents.pageExample().build(), noName);

        assertThat(json.at("/payload/group").asString()).isEqualTo("org_acme");
        assertThat(json.at("/payload/custom_details/organization").asString()).isEqualTo("org_acme");
    }

    /** Paths where {@code actual} lacks or differs from a value of {@code expected}; arrays must match in length. */
    private static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        if (actual == null || actual.isMissingNode()) {
            out.add(path + " missing");
        } else if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                out.addAll(differences(path + "/" + field.getKey(), field.getValue(), actual.get(field.getKey())));
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + " has " + actual.size() + " elements, page has " + expected.size());
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    out.addAll(differences(path + "/" + i, expected.get(i), actual.get(i)));
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
