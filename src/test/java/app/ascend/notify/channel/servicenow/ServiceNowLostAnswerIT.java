package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ServiceNowFault;
import app.ascend.notify.simulator.ServiceNowRequest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * The crash between ServiceNow's answer and our commit: the stand-in creates the incident and then drops the
 * connection mid-answer, so the delivery does not know the ticket exists. Its retry looks the correlation id up,
 * finds that incident and keeps it rather than creating a second; the approval then resolves that one ticket.
 */
class ServiceNowLostAnswerIT extends ServiceNowApiTest {

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByTheRetryNotMadeTwice() {
        Pipeline pipeline = newPipeline();
        String instance = newInstance();
        PAGERDUTY.serviceNow().injectFault(instance, ServiceNowFault.loseAnswer("create"));
        create(pipeline, serviceNow(instance, List.of("action.blocked", "action.approved")));
        String action = Events.newActionId();

        String triggerId = pipeline.postEvent(Events.trigger("action.blocked", action, 80));
        eventually().until(() -> "delivered".equals(pipeline.deliveryOf(triggerId).get("status").stringValue()));

        assertThat(incidents(instance)).hasSize(1);
        List<ServiceNowRequest> requests = requests(instance);
        assertThat(requests).extracting(ServiceNowRequest::kind).containsExactly("lookup", "create", "lookup");
        assertThat(requests.get(1).answerLost()).isTrue();
        JsonNode delivery = pipeline.deliveryOf(triggerId);
        assertThat(delivery.get("attempts")).hasSize(2);
        assertThat(delivery.get("attempts").get(0).get("outcome").stringValue()).isEqualTo("retry");
        assertThat(delivery.get("attempts").get(1).get("message").stringValue()).contains("already had")
                .contains("instead of a second ticket");
        String number = incidents(instance).get(0).get("number").stringValue();
        assertThat(delivery.get("remote").get("label").stringValue()).isEqualTo(number);

        String approvalId = pipeline.postEvent(Events.approval(action));
        eventually().until(() -> pipeline.deliveriesOf(approvalId).stream()
                .anyMatch(d -> "delivered".equals(d.get("status").stringValue())));
        assertThat(incidents(instance)).singleElement()
                .satisfies(incident -> assertThat(incident.get("state").stringValue()).isEqualTo("6"));
    }
}
