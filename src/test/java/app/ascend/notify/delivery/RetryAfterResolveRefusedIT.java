package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import app.ascend.notify.support.Problems;
import tools.jackson.databind.JsonNode;

/**
 * Retrying a failed trigger by hand after its resolve was already delivered would open an alert at
 * PagerDuty that nothing closes: the retry is refused with 409, saying why and what to do instead.
 */
class RetryAfterResolveRefusedIT extends ApiTest {

    @AfterEach
    void clearInjectedFaults() {
        PAGERDUTY.clearFaults();
    }

    @Test
    void aFailedTriggerWhoseResolveWasDeliveredIsNotSentAgain() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        PagerDutyInbox pagerDuty = inbox(routingKey);
        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;

        // The trigger is refused 503, the approval queues its resolve behind it, the retried trigger is
        // refused 400 (failed for good), and then the resolve goes.
        PAGERDUTY.failNext(1, 503);
        String trigger = org.postEvent(Events.trigger("action.blocked", action, 92));
        eventually().until(() -> org.deliveryOf(trigger).get("attempts").size() == 1);
        PAGERDUTY.failNext(1, 400);
        String approval = org.postEvent(Events.approval(action));
        eventually().until(() -> "delivered".equals(org.deliveryOf(approval).get("status").stringValue()));
        JsonNode failed = org.deliveryOf(trigger);
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");

        ApiResponse retried = org.admin().post("/api/notifications/deliveries/" + failed.get("id").stringValue()
                + "/retry", "");

        Problems.assertProblem(retried, 409);
        assertThat(retried.json().get("detail").stringValue()).contains("resolve", "was delivered", "new event");
        assertThat(org.deliveryOf(trigger).get("status").stringValue()).isEqualTo("failed");
        assertThat(pagerDuty.requests(dedupKey)).extracting(r -> r.json().get("event_action").stringValue() + " " + r.status())
                .containsExactly("trigger 503", "trigger 400", "resolve 202");
    }
}
