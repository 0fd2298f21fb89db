package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.node.ArrayNode;

/**
 * Teams throttles a webhook above four requests a second (FACTS.md §5): a burst to one webhook is spread so that
 * no second holds more than four posts, every card still arrives, each action's cards in order; another webhook
 * keeps its own budget.
 */
class TeamsRateAndOrderIT extends TeamsApiTest {

    @Test
    void aBurstToOneWebhookIsHeldToFourASecondInOrderPerAction() {
        Pipeline pipeline = newPipeline();
        String flow = newFlow();
        String other = newFlow();
        createTeams(pipeline, urlOf(flow), null);
        Pipeline second = newPipeline();
        createTeams(second, urlOf(other), null);
        List<String> actions = new ArrayList<>();
        ArrayNode batch = Events.array();
        for (int i = 0; i < 6; i++) {
            String action = Events.newActionId();
            actions.add(action);
            batch.add(Events.trigger("action.blocked", action, 30 + i));
            batch.add(Events.approval(action));
        }

        pipeline.postBatch(batch);
        second.postEvent(Events.trigger("action.blocked", Events.newActionId(), 50));

        eventually().atMost(Duration.ofSeconds(40)).until(() -> posted(flow).size() == 12);
        assertThat(posted(other)).hasSize(1);
        List<ReceivedTeamsPost> got = posted(flow);
        for (int i = 0; i < got.size(); i++) {
            Instant start = got.get(i).receivedAt();
            long inOneSecond = got.stream().filter(p -> !p.receivedAt().isBefore(start)
                    && p.receivedAt().isBefore(start.plusSeconds(1))).count();
            assertThat(inOneSecond).as("posts in the second from post %d", i).isLessThanOrEqualTo(4);
        }
        assertThat(Duration.between(got.get(0).receivedAt(), got.get(11).receivedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        for (String action : actions) {
            List<String> titles = got.stream().filter(p -> p.card().toString().contains("ascend-" + action))
                    .map(TeamsApiTest::title).toList();
            assertThat(titles).hasSize(2);
            assertThat(titles.get(0)).contains("risk: Action blocked");
            assertThat(titles.get(1)).startsWith("Approved");
        }
    }
}
