package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import tools.jackson.databind.JsonNode;

/**
 * The page's own bodies use placeholders, so a key or alias that PagerDuty would refuse is accepted
 * with a warning naming the field (never quoting the key); another warning when two channels of one
 * organization send the same event types to the same routing key (the page's "Duplicate Alerts").
 */
class ChannelWarningsIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;

    @Test
    void thePagesPlaceholderKeysAreWarnedAboutByField() {
        ApiClient admin = newTenant().admin();

        List<String> security = Channels.warnings(Channels.create(admin, PageBodies.SECURITY_CHANNEL));
        List<String> criticalOnly = Channels.warnings(Channels.create(admin, PageBodies.CRITICAL_ONLY_CHANNEL));
        List<String> runbooks = Channels.warnings(Channels.create(admin, PageBodies.RUNBOOKS_CHANNEL));

        assertThat(security).anyMatch(w -> w.startsWith("config.routing_key is not a PagerDuty integration key"));
        assertThat(security).anyMatch(w -> w.startsWith("config.integration_key is not a PagerDuty integration key"));
        assertThat(criticalOnly).anyMatch(w -> w.startsWith("config.integration_key is not a PagerDuty integration key"));
        assertThat(runbooks).anyMatch(w -> w.startsWith("config.integration_key is not a PagerDuty integration key"));
        assertThat(security).anyMatch(w -> w.contains("Events API v2"));
        assertThat(String.join("\n", security) + String.join("\n", criticalOnly) + String.join("\n", runbooks))
                .doesNotContain("your-routing-key", "your-integration-key", "critical-service-key", "your-key");
    }

    @Test
    void aValidKeyHasNoWarning() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = Channels.pagerDuty("Valid", Channels.newRoutingKey());
        body.put("events", List.of("action.blocked", "policy.violation"));

        JsonNode created = Channels.create(admin, body);

        assertThat(Channels.warnings(created)).isEmpty();
    }

    @Test
    void thePagesRoutingRulesWarnWhileTheirAliasesAreUndefined() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, Channels.pagerDuty("Routed", Channels.newRoutingKey())).get("id").stringValue();

        ApiResponse withRules = admin.patch(CHANNELS + "/" + id, PageBodies.ROUTING_RULES);

        assertThat(withRules.status()).as(withRules.body()).isEqualTo(200);
        List<String> warnings = Channels.warnings(withRules.json());
        assertThat(warnings).anyMatch(w -> w.startsWith("routing_rules[0].routing_key is neither an alias in config.routing_keys"));
        assertThat(warnings).anyMatch(w -> w.startsWith("routing_rules[1].routing_key is neither an alias in config.routing_keys"));
    }

    @Test
    void thePagesRoutingRulesHaveNoWarningOnceTheirAliasesNameValidKeys() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, Channels.pagerDuty("Routed", Channels.newRoutingKey())).get("id").stringValue();
        admin.patch(CHANNELS + "/" + id, PageBodies.ROUTING_RULES);

        ApiResponse withAliases = admin.patch(CHANNELS + "/" + id, Map.of("config", Map.of("routing_keys",
                Map.of("security-on-call", Channels.newRoutingKey(), "governance-on-call", Channels.newRoutingKey()))));

        assertThat(withAliases.status()).as(withAliases.body()).isEqualTo(200);
        assertThat(Channels.warnings(withAliases.json())).isEmpty();
        assertThat(withAliases.json().get("routing_rules").get(0).get("routing_key").stringValue()).isEqualTo("security-on-call");
    }

    @Test
    void anAliasNamingAPlaceholderKeyIsWarnedAbout() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = Channels.pagerDuty("Placeholder alias", Channels.newRoutingKey());
        config(body).put("routing_keys", Map.of("security-on-call", "your-security-key"));
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", "security-on-call")));

        List<String> warnings = Channels.warnings(Channels.create(admin, body));

        assertThat(warnings).anyMatch(w -> w.startsWith("config.routing_keys.security-on-call is not a PagerDuty integration key"));
        assertThat(String.join("\n", warnings)).doesNotContain("your-security-key");
    }

    @Test
    void aRuleForEventsTheChannelDoesNotSubscribeToIsWarnedAbout() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();

        List<String> warnings = Channels.warnings(admin.patch(CHANNELS + "/" + id, PageBodies.ROUTING_RULES).json());

        assertThat(warnings).anyMatch(w -> w.startsWith("routing_rules[0] lists auth.mfa_failed"));
    }

    @Test
    void twoChannelsSendingTheSameEventsToTheSameKeyWarnOfDuplicates() {
        ApiClient admin = newTenant().admin();
        String key = Channels.newRoutingKey();
        Map<String, Object> first = Channels.pagerDuty("First", key);
        first.put("events", List.of("action.blocked", "policy.violation"));
        Map<String, Object> second = Channels.pagerDuty("Second", key);
        second.put("events", List.of("policy.violation", "auth.failed"));
        String firstId = Channels.create(admin, first).get("id").stringValue();

        JsonNode created = Channels.create(admin, second);

        assertThat(Channels.warnings(created)).anyMatch(w -> w.contains("\"First\" (" + firstId + ")")
                && w.contains("policy.violation") && !w.contains("action.blocked") && w.contains("same routing key"));
        String secondId = created.get("id").stringValue();
        assertThat(Channels.warnings(admin.get(CHANNELS + "/" + firstId).json()))
                .anyMatch(w -> w.contains("\"Second\" (" + secondId + ")"));
        assertThat(String.join("\n", Channels.warnings(created))).doesNotContain(key);
    }

    @Test
    void channelsWithDifferentKeysDoNotWarnOfDuplicates() {
        ApiClient admin = newTenant().admin();
        Channels.create(admin, Channels.pagerDuty("First", Channels.newRoutingKey()));

        JsonNode second = Channels.create(admin, Channels.pagerDuty("Second", Channels.newRoutingKey()));

        assertThat(Channels.warnings(second)).isEmpty();
    }

    @Test
    void channelsOfAnotherOrganizationDoNotWarnOfDuplicates() {
        String key = Channels.newRoutingKey();
        JsonNode ours = Channels.create(newTenant().admin(), Channels.pagerDuty("Ours", key));

        JsonNode theirs = Channels.create(newTenant().admin(), Channels.pagerDuty("Theirs", key));

        assertThat(Channels.warnings(ours)).isEmpty();
        assertThat(Channels.warnings(theirs)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> channel) {
        return (Map<String, Object>) channel.get("config");
    }
}
