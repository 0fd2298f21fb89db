package app.ascend.notify.web;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * A string (or field name) with an unpaired surrogate ({@code "\ud800"}) answers 400 naming it: it cannot
 * be stored or sent faithfully. A surrogate pair (an emoji) is stored and read back as sent.
 */
class UnpairedSurrogateIT extends ApiTest {

    @Test
    void anUnpairedSurrogateAnywhereInABodyAnswers400() {
        Tenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String key = newRoutingKey();

        assertInvalidField(json(admin, Channels.PATH, "{\"name\": \"Sec\\ud800\", \"type\": \"pagerduty\", "
                + "\"config\": {\"routing_key\": \"" + key + "\"}}"), "name");
        assertInvalidField(json(admin, Channels.PATH, "{\"name\": \"Sec\", \"type\": \"pagerduty\", "
                + "\"config\": {\"routing_key\": \"" + key + "\", \"routing_keys\": {\"team\": \"\\udc00" + key + "\"}}}"),
                "config.routing_keys.team");
        assertProblem(json(admin, Channels.PATH, "{\"name\": \"Sec\", \"type\": \"pagerduty\", "
                + "\"config\": {\"routing_key\": \"" + key + "\", \"routing_keys\": {\"team\\udc00\": \"" + key + "\"}}}"),
                400);
        ApiResponse event = anonymous().withApiKey(tenant.newApiKey()).send("POST", "/api/events", "application/json",
                "[{\"type\": \"action.blocked\"}, {\"type\": \"action.blocked\", \"details\": {\"q\": [\"\\udfff\\ud800\"]}}]",
                Map.of());
        assertInvalidField(event, "[1].details.q[0]");
        assertThat(admin.get(Channels.PATH).itemIds()).isEmpty();
        assertThat(admin.get("/api/events").itemIds()).isEmpty();
    }

    @Test
    void aSurrogatePairIsStoredAsSent() {
        ApiClient admin = newTenant().admin();

        ApiResponse created = json(admin, Channels.PATH, "{\"name\": \"Sec \\ud83d\\ude00\", \"type\": \"pagerduty\", "
                + "\"config\": {\"routing_key\": \"" + newRoutingKey() + "\"}}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = Channels.PATH + "/" + created.json().get("id").stringValue();
        assertThat(admin.get(path).json().get("name").stringValue()).isEqualTo("Sec \uD83D\uDE00");
    }

    private static ApiResponse json(ApiClient client, String path, String body) {
        return client.send("POST", path, "application/json", body, Map.of());
    }
}
