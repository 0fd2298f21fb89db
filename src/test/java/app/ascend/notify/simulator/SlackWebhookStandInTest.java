package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack stand-in's incoming webhooks answer as Slack does (FACTS.md §2): 200 {@code ok}; 400 with an error code
 * for a body past Block Kit's limits or without text; 410 {@code channel_is_archived}; 404 {@code no_service}; 429
 * with {@code Retry-After} past one message a second after a short burst; injected faults per target.
 */
class SlackWebhookStandInTest {
    private final PagerDutySimulator sim = PagerDutySimulator.start(0);
    private final SlackCalls slack = new SlackCalls(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aValidMessageIsAnsweredOkAndKept() {
        HttpResponse<String> answer = slack.webhook("ops", "{\"text\":\"hello\",\"blocks\":[{\"type\":\"header\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Hi\"}}]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ok");
        assertThat(sim.slack().postsTo("ops")).singleElement().satisfies(post -> {
            assertThat(post.accepted()).isTrue();
            assertThat(post.header()).isEqualTo("Hi");
            assertThat(post.text()).isEqualTo("hello");
        });
        assertThat(new SimHttp(sim).getJson("/_sim/slack/messages").get("messages")).hasSize(1);
    }

    @Test
    void aHeaderPast150OrNoTextIsRefusedWith400() {
        String longHeader = "x".repeat(151);
        HttpResponse<String> tooLong = slack.webhook("ops", "{\"text\":\"t\",\"blocks\":[{\"type\":\"header\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"" + longHeader + "\"}}]}");
        HttpResponse<String> empty = slack.webhook("ops", "{}");
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            blocks.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
        }
        HttpResponse<String> tooMany = slack.webhook("ops", "{\"text\":\"t\",\"blocks\":[" + blocks + "]}");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).isEqualTo("invalid_blocks");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("no_text");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(sim.slack().postsTo("ops")).noneMatch(SlackPost::accepted);
    }

    @Test
    void archivedAndRemovedWebhooksAnswer410And404() {
        sim.slack().setWebhookState("old", "archived");
        sim.slack().setWebhookState("gone", "removed");

        assertThat(slack.webhook("old", "{\"text\":\"t\"}")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(410);
            assertThat(answer.body()).isEqualTo("channel_is_archived");
        });
        assertThat(slack.webhook("gone", "{\"text\":\"t\"}")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo("no_service");
        });
    }

    @Test
    void moreThanOneASecondPastTheBurstIsAnswered429WithRetryAfter() {
        int accepted = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < SlackStandIn.DEFAULT_BURST + 2 && limited == null; i++) {
            HttpResponse<String> answer = slack.webhook("busy", "{\"text\":\"m" + i + "\"}");
            if (answer.statusCode() == 200) {
                accepted++;
            } else {
                limited = answer;
            }
        }

        assertThat(accepted).isGreaterThanOrEqualTo(SlackStandIn.DEFAULT_BURST);
        assertThat(limited).isNotNull();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(slack.webhook("quiet", "{\"text\":\"another channel\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void faultsApplyToTheirTargetForTheirCount() {
        HttpResponse<String> set = new SimHttp(sim).post("/_sim/slack/faults",
                "{\"target\":\"flaky\",\"status\":503,\"error\":\"rollup_error\",\"count\":1}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(slack.webhook("other", "{\"text\":\"t\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = slack.webhook("flaky", "{\"text\":\"t\"}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).isEqualTo("rollup_error");
        assertThat(slack.webhook("flaky", "{\"text\":\"t\"}").statusCode()).isEqualTo(200);
        assertThat(new SimHttp(sim).post("/_sim/slack/faults", "{\"status\":302}").statusCode()).isEqualTo(400);
    }
}
