package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.simulator.TeamsFault;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What Teams' answers do to a delivery (FACTS.md §4, §7): a 4xx is a refusal, final and not retried, with Teams'
 * body shown on the attempt; a 429's {@code Retry-After} is waited out; a 5xx is retried.
 */
class TeamsAnswersIT extends TeamsApiTest {

    @Test
    void a4xxIsRefusedOnceWithTheBodyShownAndNotRetried() {
        String flow = newFlow();
        PAGERDUTY.teams().injectFault(flow, TeamsFault.statusWithBody(400,
                "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"The card is not valid\"}}", TeamsFault.UNTIL_CLEARED));
        Sent sent = sendOneTrigger(flow);

        eventually().until(() -> status(sent).equals("failed"));
        assertThat(posts(flow)).hasSize(1);
        JsonNode delivery = delivery(sent);
        assertThat(delivery.get("attempts")).hasSize(1);
        JsonNode attempt = delivery.get("attempts").get(0);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(400);
        assertThat(attempt.get("message").stringValue()).contains("Teams refused the message (400)")
                .contains("The card is not valid");
        PAGERDUTY.teams().clearFaults(flow);
    }

    @Test
    void a429sRetryAfterIsWaitedOut() {
        String flow = newFlow();
        PAGERDUTY.teams().injectFault(flow, TeamsFault.statusWithRetryAfter(429, "2", 1));
        Sent sent = sendOneTrigger(flow);

        eventually().until(() -> status(sent).equals("delivered"));
        List<ReceivedTeamsPost> got = posts(flow);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).status()).isEqualTo(429);
        assertThat(got.get(1).runStatus()).isEqualTo("Succeeded");
        assertThat(Duration.between(got.get(0).receivedAt(), got.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(got.get(1).message()).isEqualTo(got.get(0).message());
        assertThat(delivery(sent).get("attempts").get(0).get("outcome").stringValue()).isEqualTo("rate_limited");
    }

    @Test
    void a5xxIsRetried() {
        String flow = newFlow();
        PAGERDUTY.teams().injectFault(flow, TeamsFault.status(502, 1));
        Sent sent = sendOneTrigger(flow);

        eventually().until(() -> status(sent).equals("delivered"));
        assertThat(posts(flow)).extracting(ReceivedTeamsPost::status).containsExactly(502, 202);
        assertThat(delivery(sent).get("attempts").get(0).get("message").stringValue()).contains("will retry");
    }

    /** A channel on {@code flow}, one trigger posted, its delivery. */
    private Sent sendOneTrigger(String flow) {
        Pipeline pipeline = newPipeline();
        createTeams(pipeline, urlOf(flow), List.of("action.blocked"));
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 40));
        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty());
        return new Sent(pipeline, pipeline.deliveryOf(eventId).get("id").stringValue());
    }

    private static JsonNode delivery(Sent sent) {
        return sent.pipeline().admin().get("/api/notifications/deliveries/" + sent.deliveryId()).json();
    }

    private static String status(Sent sent) {
        return delivery(sent).get("status").stringValue();
    }

    private record Sent(Pipeline pipeline, String deliveryId) {
    }
}
