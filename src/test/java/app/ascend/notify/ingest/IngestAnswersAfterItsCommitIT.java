package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * An ingest request is answered asynchronously, once its group commit completes: the second (async)
 * dispatch that writes the 202 finds its way under the {@code /api/api/} alias the product page's curl
 * lines use, as under {@code /api/events}. (A commit that fails answers 503: PostgresStoppedOnPostgresIT.)
 */
class IngestAnswersAfterItsCommitIT extends ApiTest {

    @Test
    void theAliasPathIsAnsweredWithTheStoredEvent() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();

        ApiResponse accepted = org.sender().post("/api/api/events", Events.trigger("action.blocked", action, 91));

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertThat(accepted.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(accepted.json().get("events").get(0).get("id").stringValue())
                .isEqualTo(org.eventsOfAction(action).get(0).get("id").stringValue());
        eventually().until(() -> inbox(routingKey).accepted("ascend-" + action).size() == 1);
    }
}
