package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.SlackPost;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;

/**
 * About one message a second per Slack channel (FACTS.md §3; bursts of two), held by the service's rate budget so
 * Slack never needs to answer 429; messages of one action arrive in order (the trigger before its approval).
 */
class SlackRateAndOrderPerChannelIT extends SlackApiTest {

    @Test
    void aBurstIsPacedAtOneASecondInOrderPerAction() {
        Pipeline pipeline = newPipeline();
        String channel = newSlackChannel();
        create(pipeline, botChannel(channel, newBotToken(), List.of("action.blocked", "action.approved")));
        List<String> actions = List.of(Events.newActionId(), Events.newActionId(), Events.newActionId());
        List<Object> batch = new ArrayList<>();
        actions.forEach(action -> batch.add(Events.trigger("action.blocked", action, 60)));
        actions.forEach(action -> batch.add(Events.approval(action)));

        pipeline.postBatch(batch);
        eventually().atMost(Duration.ofSeconds(40)).until(() -> accepted(channel).stream()
                .filter(post -> post.via().equals("chat.postMessage") && post.threadTs() == null).count() == 3
                && accepted(channel).stream().filter(post -> post.threadTs() != null).count() == 3);

        List<SlackPost> posts = slack().postsTo(channel);
        assertThat(posts).as("no 429 needed").allMatch(SlackPost::accepted);
        List<SlackPost> posted = posts.stream().filter(post -> post.via().equals("chat.postMessage")).toList();
        assertThat(posted).hasSize(6);
        for (int i = 2; i < posted.size(); i++) {
            // At most two messages in any two seconds: one a second sustained, bursts of two.
            assertThat(Duration.between(posted.get(i - 2).at(), posted.get(i).at()))
                    .as("between messages %d and %d", i - 2, i).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
        assertThat(Duration.between(posted.get(0).at(), posted.get(5).at())).as("six messages take 4 s or more")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        Map<String, String> alertTs = posts.stream().filter(post -> post.via().equals("chat.postMessage")
                && post.threadTs() == null).collect(Collectors.toMap(post -> post.body().toString()
                        .replaceAll(".*dedup key (ascend-[^ \"]+).*", "$1"), SlackPost::ts));
        assertThat(alertTs).hasSize(3);
        for (SlackPost update : posts.stream().filter(post -> post.via().equals("chat.update")).toList()) {
            assertThat(alertTs).containsValue(update.ts());
        }
        for (SlackPost reply : posts.stream().filter(post -> post.threadTs() != null).toList()) {
            SlackPost alert = posts.stream().filter(post -> reply.threadTs().equals(post.ts()) && post.threadTs() == null)
                    .findFirst().orElseThrow();
            assertThat(alert.sequence()).as("the alert before its reply").isLessThan(reply.sequence());
        }
    }
}
