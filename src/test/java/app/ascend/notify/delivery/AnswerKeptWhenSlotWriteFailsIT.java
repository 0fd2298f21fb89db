package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty's answer and the move of its rate slot to the answer's time are recorded together: when the
 * slot's write fails for a moment, the answer is not thrown away (it is recorded once the database takes
 * writes again) and the event is not sent a second time when its lease ends. A short lease (4 s) so a
 * lost answer would be sent again within the test.
 */
@TestPropertySource(properties = "ascend.delivery.lease=4s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnswerKeptWhenSlotWriteFailsIT extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anAnswerWhoseRateSlotCannotBeWrittenIsRecordedOnceAndNotSentAgain() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String actionId = Events.newActionId();
        SlotWriteRefusal refusal = new SlotWriteRefusal(jdbc);

        refusal.install();
        String event;
        try {
            event = org.postEvent(Events.trigger("action.blocked", actionId, 95));
            eventually().until(() -> refusal.refusals() > 0);
            assertThat(inbox(routingKey).accepted("ascend-" + actionId)).hasSize(1);
        } finally {
            refusal.remove();
        }

        eventually().untilAsserted(() -> assertThat(org.deliveryOf(event).get("status").stringValue())
                .isEqualTo("delivered"));
        JsonNode delivery = org.deliveryOf(event);
        assertThat(delivery.get("attempts")).as("attempts recorded").hasSize(1);
        assertThat(inbox(routingKey).requests("ascend-" + actionId)).as("sends to PagerDuty").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from rate_sends", Integer.class)).as("rate slots taken")
                .isEqualTo(1);
    }
}
