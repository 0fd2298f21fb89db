package app.ascend.notify.channel.servicenow;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * A change is not a ticket: a ServiceNow channel listing a change type is refused naming the entry, and one taking
 * every type skips changes with the reason, creating nothing at the instance.
 */
class ServiceNowRefusesChangeEventsIT extends ServiceNowApiTest {

    @Test
    void aChannelListingAChangeTypeIsRefusedNamingTheEntry() {
        Pipeline org = newPipeline();

        var answer = org.admin().post(CHANNELS, serviceNow(newInstance(), List.of("action.blocked", "policy.changed")));

        assertThat(assertInvalidField(answer, "events[1]")).startsWith("a change is not a ticket");
    }

    @Test
    void aChannelOfEveryTypeSkipsAChangeWithTheReason() {
        Pipeline org = newPipeline();
        String instance = newInstance();
        String channel = create(org, serviceNow(instance, null)).get("id").stringValue();

        String change = org.postEvent(Events.event("agent.deployed").put("agent_id", "agent-7"));

        JsonNode decision = org.decision(change, channel);
        assertThat(decision.get("outcome").stringValue()).isEqualTo("not_subscribed");
        assertThat(decision.get("reason").stringValue()).startsWith("a change is not a ticket");
        assertThat(org.deliveriesOf(change)).isEmpty();
        assertThat(requests(instance)).isEmpty();
    }
}
