package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Teams Workflows stand-in over real HTTP: a good card is answered 202 with no body and kept; a card Teams
 * would not post is still answered 202 (as Power Automate does) but its run is Failed with the reason, or 400 in
 * strict mode; faults (status, 429 with Retry-After, delay) answer instead; control routes read and clear it all.
 */
class TeamsWorkflowsTest {

    static final String CARD = """
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,
             "content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard",
             "version":"1.4","body":[{"type":"TextBlock","text":"HIGH risk: Action blocked","wrap":true}],
             "actions":[{"type":"Action.OpenUrl","title":"View in Ascend","url":"https://pilot.owkai.app/actions/a"}]}}]}""";

    private PagerDutySimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = PagerDutySimulator.start(0);
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aWellFormedCardIsAccepted202WithNoBodyAndKept() {
        HttpResponse<String> answer = http.post("/teams/workflows/ops", CARD);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).isEmpty();
        assertThat(sim.teamsWorkflowUrl("ops")).isEqualTo(sim.baseUrl() + "/teams/workflows/ops");
        List<ReceivedTeamsPost> messages = sim.teams().messages("ops");
        assertThat(messages).singleElement().satisfies(post -> {
            assertThat(post.runStatus()).isEqualTo("Succeeded");
            assertThat(post.card().get("body").get(0).get("text").stringValue()).isEqualTo("HIGH risk: Action blocked");
        });
        assertThat(http.getJson("/_sim/teams/ops/messages").get("messages").get(0).get("run_status").stringValue())
                .isEqualTo("Succeeded");
        assertThat(http.getJson("/_sim/teams").get("flows").get("ops").get("Succeeded").asInt()).isEqualTo(1);
    }

    @Test
    void aBadEnvelopeIsAccepted202ButItsRunFailsWithTheReasons() {
        String legacy = "{\"@type\":\"MessageCard\",\"text\":\"hello\"}";
        String submit = CARD.replace("Action.OpenUrl", "Action.Submit").replace("\"1.4\"", "\"1.6\"");

        assertThat(http.post("/teams/workflows/ops", legacy).statusCode()).isEqualTo(202);
        assertThat(http.post("/teams/workflows/ops", submit).statusCode()).isEqualTo(202);
        assertThat(http.post("/teams/workflows/ops", "not json").statusCode()).isEqualTo(202);

        assertThat(sim.teams().messages("ops")).isEmpty();
        List<ReceivedTeamsPost> posts = sim.teams().posts("ops");
        assertThat(posts).extracting(ReceivedTeamsPost::runStatus).containsOnly("Failed");
        assertThat(posts.get(0).problems()).contains("type must be \"message\"", "attachments must be a non-empty array");
        assertThat(posts.get(1).problems()).anySatisfy(p -> assertThat(p).contains("Action.Submit"))
                .anySatisfy(p -> assertThat(p).contains("version must be 1.0 to 1.5"));
        assertThat(posts.get(2).problems()).containsExactly("the body is not JSON");
    }

    @Test
    void aCardOverTeamsSizeLimitFailsAndStrictModeAnswers400() {
        String huge = CARD.replace("HIGH risk: Action blocked", "x".repeat(TeamsCardCheck.MAX_BYTES));
        assertThat(http.post("/teams/workflows/ops", huge).statusCode()).isEqualTo(202);
        assertThat(sim.teams().posts("ops").get(0).problems()).anySatisfy(p -> assertThat(p).startsWith("Request Entity too large"));

        assertThat(http.put("/_sim/teams/ops/mode", "{\"strict\":true}").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.post("/teams/workflows/ops", huge);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Request Entity too large");
        assertThat(http.post("/teams/workflows/ops", CARD).statusCode()).isEqualTo(202);
    }

    @Test
    void faultsAnswerInsteadOfTheFlowThenClear() {
        sim.teams().injectFault("ops", TeamsFault.statusWithRetryAfter(429, "2", 1));
        HttpResponse<String> limited = http.post("/teams/workflows/ops", CARD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(http.post("/teams/workflows/ops", CARD).statusCode()).isEqualTo(202);

        assertThat(http.post("/_sim/teams/ops/faults", "{\"status\":400,\"body\":\"Bad card\",\"count\":-1}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = http.post("/teams/workflows/ops", CARD);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("Bad card");
        assertThat(http.post("/teams/workflows/ops", CARD).statusCode()).isEqualTo(400);
        assertThat(http.delete("/_sim/teams/ops/faults").statusCode()).isEqualTo(200);
        assertThat(http.post("/teams/workflows/ops", CARD).statusCode()).isEqualTo(202);

        sim.teams().injectFault("ops", TeamsFault.delay(Duration.ofMillis(300), 1));
        long started = System.nanoTime();
        assertThat(http.post("/teams/workflows/ops", CARD).statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        assertThat(sim.teams().messages("ops")).hasSize(3);
        assertThat(sim.teams().posts("ops")).extracting(ReceivedTeamsPost::runStatus)
                .containsExactly("NotRun", "Succeeded", "NotRun", "NotRun", "Succeeded", "Succeeded");
    }

    @Test
    void badControlRequestsAndFaultsAreRefusedAndResetForgetsEverything() {
        assertThat(http.post("/_sim/teams/ops/faults", "{\"status\":302}").statusCode()).isEqualTo(400);
        assertThat(http.post("/_sim/teams/ops/faults", "{}").statusCode()).isEqualTo(400);
        assertThat(http.get("/_sim/teams/bad%20name/messages").statusCode()).isEqualTo(404);
        assertThat(http.get("/teams/workflows/ops").statusCode()).isEqualTo(405);
        assertThatThrownBy(() -> TeamsFault.status(200, 1)).isInstanceOf(IllegalArgumentException.class);

        http.post("/teams/workflows/ops", CARD);
        sim.reset();
        assertThat(sim.teams().posts("ops")).isEmpty();
    }
}
