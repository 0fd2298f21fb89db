package app.ascend.notify.testalert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A test alert with a sample event for an action that has a live incident, sent with {@code resolve},
 * must not close that incident: test alerts always use their own {@code ascend-test-} dedup key; the
 * sample's decision and payload are otherwise as a real event would get them.
 */
class TestAlertLeavesLiveIncidentsIT extends ApiTest {

    @Test
    void aResolvedSampleForAnActionWithALiveIncidentLeavesThatIncidentOpen() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String liveKey = "ascend-" + action;
        org.postEvent(Events.trigger("action.blocked", action, 95));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted(liveKey).size() == 1);

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel, "resolve", true,
                "event", Map.of("type", "action.blocked", "action_id", action, "risk_score", 95)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode test = answer.json();
        String testKey = test.get("dedup_key").stringValue();
        assertThat(testKey).startsWith("ascend-test-").isNotEqualTo(liveKey);
        assertThat(test.get("decision").get("outcome").stringValue()).isEqualTo("queued");
        assertThat(test.get("payload").get("dedup_key").stringValue()).isEqualTo(testKey);
        assertThat(test.get("resolve").get("success").booleanValue()).as(answer.body()).isTrue();
        assertThat(test.get("resolve").get("payload").get("dedup_key").stringValue()).isEqualTo(testKey);
        assertThat(pagerDuty.accepted(testKey)).extracting(e -> e.get("event_action").stringValue())
                .containsExactly("trigger", "resolve");
        assertThat(pagerDuty.incident(testKey).status()).isEqualTo(IncidentStatus.RESOLVED);

        assertThat(pagerDuty.accepted(liveKey)).extracting(e -> e.get("event_action").stringValue())
                .containsExactly("trigger");
        assertThat(pagerDuty.incident(liveKey).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(openIncident(org, liveKey).get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void aSampleResolveEventIsSentUnderTheTestKey() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String liveKey = "ascend-" + action;
        org.postEvent(Events.trigger("action.blocked", action, 95));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted(liveKey).size() == 1);

        ApiResponse answer = org.admin().post("/api/notifications/test", Map.of("channel_id", channel,
                "event", Map.of("type", "action.approved", "action_id", action)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String testKey = answer.json().get("dedup_key").stringValue();
        assertThat(testKey).startsWith("ascend-test-");
        assertThat(pagerDuty.incident(liveKey).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(openIncident(org, liveKey).get("status").stringValue()).isEqualTo("open");
    }

    private static JsonNode openIncident(Pipeline org, String dedupKey) {
        ApiResponse list = org.admin().get("/api/incidents");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode item : list.json().get("items")) {
            if (item.get("dedup_key").stringValue().equals(dedupKey)) {
                return item;
            }
        }
        throw new AssertionError(dedupKey + " is not listed as open: " + list.body());
    }
}
