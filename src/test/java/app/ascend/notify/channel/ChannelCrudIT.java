package app.ascend.notify.channel;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The channels API of the product page: list (paged, newest first), read, partial update (PATCH), full
 * replace (PUT) and delete, at {@code /api/notifications/channels} and at the page's
 * {@code /api/api/notifications/channels}.
 */
class ChannelCrudIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;

    @Test
    void listShowsTheChannelsNewestFirstInPages() {
        ApiClient admin = newTenant().admin();
        String first = Channels.create(admin, Channels.pagerDuty("First", Channels.newRoutingKey())).get("id").stringValue();
        String second = Channels.create(admin, Channels.pagerDuty("Second", Channels.newRoutingKey())).get("id").stringValue();
        String third = Channels.create(admin, Channels.pagerDuty("Third", Channels.newRoutingKey())).get("id").stringValue();

        ApiResponse all = admin.get(CHANNELS);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.itemIds()).containsExactly(third, second, first);
        assertThat(all.json().has("next_cursor")).as(all.body()).isTrue();
        assertThat(all.json().get("next_cursor").isNull()).isTrue();

        ApiResponse page1 = admin.get(CHANNELS + "?limit=2");
        assertThat(page1.itemIds()).containsExactly(third, second);
        String cursor = page1.json().get("next_cursor").stringValue();
        assertThat(cursor).isNotBlank();

        ApiResponse page2 = admin.get(CHANNELS + "?limit=2&cursor=" + cursor);
        assertThat(page2.itemIds()).containsExactly(first);
        assertThat(page2.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void listLimitIsOneToTwoHundred() {
        ApiClient admin = newTenant().admin();

        assertThat(admin.get(CHANNELS + "?limit=200").status()).isEqualTo(200);
        assertInvalidField(admin.get(CHANNELS + "?limit=201"), "limit");
        assertInvalidField(admin.get(CHANNELS + "?limit=0"), "limit");
        assertInvalidField(admin.get(CHANNELS + "?limit=many"), "limit");
        assertInvalidField(admin.get(CHANNELS + "?cursor=not-a-cursor"), "cursor");
    }

    @Test
    void readAnswersTheChannelAsCreated() {
        ApiClient admin = newTenant().admin();
        JsonNode created = Channels.create(admin, PageBodies.SECURITY_CHANNEL);

        ApiResponse read = admin.get(CHANNELS + "/" + created.get("id").stringValue());

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(read.json().get("enabled").booleanValue()).isTrue();
        assertThat(read.json().get("config").get("region").stringValue()).isEqualTo("us");
        assertThat(read.json().get("config").get("include_metadata").booleanValue()).isTrue();
    }

    @Test
    void unknownIdIsNotFound() {
        ApiClient admin = newTenant().admin();

        assertProblem(admin.get(CHANNELS + "/chan_doesnotexist"), 404);
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        ApiClient admin = newTenant().admin();
        JsonNode created = Channels.create(admin, PageBodies.SECURITY_CHANNEL);
        String id = created.get("id").stringValue();

        ApiResponse patched = admin.patch(CHANNELS + "/" + id, Map.of("name", "PagerDuty Security (renamed)"));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        ObjectNode expected = ((ObjectNode) created).deepCopy();
        expected.put("name", "PagerDuty Security (renamed)");
        expected.set("updated_at", patched.json().get("updated_at"));
        assertThat(patched.json()).isEqualTo(expected);
        assertThat(Instant.parse(patched.json().get("updated_at").stringValue()))
                .isAfterOrEqualTo(Instant.parse(created.get("updated_at").stringValue()));
        assertThat(admin.get(CHANNELS + "/" + id).json()).isEqualTo(patched.json());
    }

    @Test
    void patchMergesIntoNestedObjects() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();

        ApiResponse patched = admin.patch(CHANNELS + "/" + id, """
                {"severity_mapping": {"high": "critical"}, "filters": {"min_risk_score": 70}, "enabled": false}""");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("severity_mapping").toString())
                .isEqualTo("{\"critical\":\"critical\",\"high\":\"critical\",\"medium\":\"warning\",\"low\":\"info\"}");
        assertThat(patched.json().get("filters").get("min_risk_score").asInt()).isEqualTo(70);
        assertThat(patched.json().get("enabled").booleanValue()).isFalse();
        assertThat(patched.json().get("events")).hasSize(4);
        assertThat(patched.json().get("config").get("integration_key").stringValue()).isEqualTo("****-key");
    }

    @Test
    void putReplacesTheWholeChannel() {
        ApiClient admin = newTenant().admin();
        JsonNode created = Channels.create(admin, PageBodies.SECURITY_CHANNEL);
        String id = created.get("id").stringValue();
        String key = Channels.newRoutingKey();

        ApiResponse replaced = admin.put(CHANNELS + "/" + id, Channels.pagerDuty("Replaced", key));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode channel = replaced.json();
        assertThat(channel.get("id").stringValue()).isEqualTo(id);
        assertThat(channel.get("created_at")).isEqualTo(created.get("created_at"));
        assertThat(channel.get("name").stringValue()).isEqualTo("Replaced");
        assertThat(channel.get("config").get("integration_key").stringValue()).isEqualTo(Channels.masked(key));
        assertThat(channel.get("config").has("routing_key")).as("routing_key was left out of the PUT").isFalse();
        assertThat(channel.get("events").isNull()).as("events left out means every type").isTrue();
        assertThat(channel.get("severity_mapping").toString())
                .isEqualTo("{\"critical\":\"critical\",\"high\":\"error\",\"medium\":\"warning\",\"low\":\"info\"}");
        assertThat(channel.get("filters").isEmpty()).isTrue();
        assertThat(admin.get(CHANNELS + "/" + id).json()).isEqualTo(channel);
    }

    @Test
    void typeCannotBeChanged() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.CRITICAL_ONLY_CHANNEL).get("id").stringValue();

        assertInvalidField(admin.patch(CHANNELS + "/" + id, Map.of("type", "slack")), "type");
    }

    @Test
    void deleteAnswers204AndTheChannelIsGone() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.RUNBOOKS_CHANNEL).get("id").stringValue();

        ApiResponse deleted = admin.delete(CHANNELS + "/" + id);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertProblem(admin.get(CHANNELS + "/" + id), 404);
        assertProblem(admin.delete(CHANNELS + "/" + id), 404);
        assertProblem(admin.patch(CHANNELS + "/" + id, Map.of("name", "back")), 404);
        assertThat(admin.get(CHANNELS).itemIds()).doesNotContain(id);
    }

    @Test
    void everyOperationAlsoAnswersUnderTheApiApiPrefix() {
        ApiClient admin = newTenant().admin();
        String path = Channels.PAGE_PATH;

        ApiResponse created = admin.post(path, PageBodies.CRITICAL_ONLY_CHANNEL);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();

        assertThat(admin.get(path).itemIds()).containsExactly(id);
        assertThat(admin.get(path + "/" + id).json()).isEqualTo(created.json());
        ApiResponse patched = admin.patch(path + "/" + id, Map.of("name", "Critical via patch"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("name").stringValue()).isEqualTo("Critical via patch");
        ApiResponse replaced = admin.put(path + "/" + id, PageBodies.RUNBOOKS_CHANNEL);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").stringValue()).isEqualTo("PagerDuty with Runbooks");
        assertThat(admin.delete(path + "/" + id).status()).isEqualTo(204);
        assertProblem(admin.get(path + "/" + id), 404);
    }
}
