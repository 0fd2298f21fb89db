package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.IncidentLogEntry;
import app.ascend.notify.simulator.IncidentStatus;
import app.ascend.notify.simulator.SimIncident;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * Two channels paging the same routing key with the same dedup key are one PagerDuty alert, so they
 * are one ordered sequence: channel A's resolve waits for channel B's trigger that PagerDuty refused
 * for a while, instead of closing the alert before B's retried trigger re-opens it.
 */
class OneDestinationTwoChannelsOrderIT extends ApiTest {

    @AfterEach
    void clearInjectedFaults() {
        PAGERDUTY.clearFaults();
    }

    @Test
    void aResolveThroughOneChannelWaitsForTheOtherChannelsTriggerToTheSameKey() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        // Resolves follow every open incident of the action, whatever the channel subscribes to.
        org.createChannel(PipelineChannels.pagerDuty(routingKey, "action.blocked"));
        ApiResponse second = org.admin().post("/api/notifications/channels",
                PipelineChannels.pagerDuty(routingKey, "policy.violation"));
        assertThat(second.status()).isEqualTo(201);
        PagerDutyInbox pagerDuty = inbox(routingKey);
        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;

        org.postEvent(Events.trigger("action.blocked", action, 92)); // channel A
        eventually().until(() -> pagerDuty.accepted(dedupKey).size() == 1);
        PAGERDUTY.setOutage(true);
        String viaB = org.postEvent(Events.trigger("policy.violation", action, 92)); // channel B, refused for now
        eventually().until(() -> org.deliveryOf(viaB).get("attempts").size() >= 2);
        PAGERDUTY.setOutage(false);
        org.postEvent(Events.approval(action)); // resolves both channels' incidents while B's trigger waits

        eventually().until(() -> pagerDuty.accepted(dedupKey).size() == 4);
        assertThat(pagerDuty.accepted(dedupKey)).extracting(e -> e.get("event_action").stringValue())
                .containsExactly("trigger", "trigger", "resolve", "resolve");
        List<SimIncident> incidents = PAGERDUTY.incidentsFor(routingKey, dedupKey);
        assertThat(incidents).as("one alert, never re-opened").hasSize(1);
        assertThat(incidents.get(0).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.get(0).log()).extracting(IncidentLogEntry::action).extracting(Enum::name)
                .containsExactly("TRIGGER", "TRIGGER", "RESOLVE");
        assertThat(second.json().get("warnings").toString()).as("the shared destination is explained")
                .contains("one ordered sequence");
    }
}
