package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.ReceivedTeamsPost;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the Teams integration tests: the service posts to the simulator's Workflows stand-in on 127.0.0.1 (as
 * an operator allows a local receiver with ASCEND_OUTBOUND_ALLOW) and gives up on an answer after 2 s. Each test
 * has its own flow (its own webhook URL, so its own rate budget and order) and organization.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.teams.timeout=2s" })
abstract class TeamsApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";

    /** A fresh flow name: each channel's URL is its own and stands for a secret signature. */
    static String newFlow() {
        return "flow_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The stand-in's URL for {@code flow}, with a query like a Workflows trigger's, whose {@code sig} is the secret. */
    static String urlOf(String flow) {
        return PAGERDUTY.teamsWorkflowUrl(flow) + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=sig"
                + flow.substring(5, 21);
    }

    static Map<String, Object> teams(String name, String url, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("webhook_url", url);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", name);
        channel.put("type", "teams");
        if (events != null) {
            channel.put("events", events);
        }
        channel.put("config", config);
        return channel;
    }

    /** Creates a Teams channel, expects 201, answers it. */
    static JsonNode createTeams(Pipeline pipeline, String url, List<String> events) {
        ApiResponse created = pipeline.admin().post(CHANNELS, teams("Teams " + UUID.randomUUID(), url, events));
        assertThat(created.status()).as("creating a Teams channel: %s", created).isEqualTo(201);
        return created.json();
    }

    /** The cards the flow posted (runs that succeeded). */
    static List<ReceivedTeamsPost> posted(String flow) {
        return PAGERDUTY.teams().messages(flow);
    }

    /** Every post to the flow, refused and failed ones too. */
    static List<ReceivedTeamsPost> posts(String flow) {
        return PAGERDUTY.teams().posts(flow);
    }

    static String title(ReceivedTeamsPost post) {
        return post.card().get("body").get(0).get("text").stringValue();
    }
}
