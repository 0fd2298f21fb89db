package app.ascend.notify.channel;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Keys are secrets: every answer shows them as {@code ****} plus the last 4 characters (keys of 16
 * characters or more) or {@code ****} alone; a PATCH that omits a key or sends back its masked value
 * keeps the stored key; no key appears in any answer, in the audit log or in the log output.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelKeyMaskingIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;

    @Test
    void keysAreMaskedInTheCreateReadAndListAnswers() {
        ApiClient admin = newTenant().admin();
        String integrationKey = Channels.newRoutingKey();
        String sixteen = "abcdefghijklmnop";
        Map<String, Object> body = Channels.pagerDuty("Masked", integrationKey);
        config(body).put("routing_key", sixteen);

        ApiResponse created = admin.post(CHANNELS, body);
        String id = created.json().get("id").stringValue();
        ApiResponse read = admin.get(CHANNELS + "/" + id);
        ApiResponse list = admin.get(CHANNELS);

        for (ApiResponse answer : List.of(created, read, list)) {
            JsonNode config = answer == list ? answer.json().get("items").get(0).get("config") : answer.json().get("config");
            assertThat(config.get("integration_key").stringValue()).isEqualTo("****" + integrationKey.substring(28));
            assertThat(config.get("routing_key").stringValue()).isEqualTo("****mnop");
            assertThat(answer.body()).doesNotContain(integrationKey, sixteen);
        }
    }

    @Test
    void keysShorterThanSixteenCharactersShowNoTail() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = Channels.pagerDuty("Short keys", "your-key");
        config(body).put("routing_key", "abcdefghijklmno");

        JsonNode created = Channels.create(admin, body);

        assertThat(created.get("config").get("integration_key").stringValue()).isEqualTo("****");
        assertThat(created.get("config").get("routing_key").stringValue()).isEqualTo("****");
        assertThat(created.toString()).doesNotContain("your-key", "abcdefghijklmno");
    }

    @Test
    void patchThatOmitsTheKeyKeepsIt() {
        ApiClient admin = newTenant().admin();
        String key = Channels.newRoutingKey();
        String id = Channels.create(admin, Channels.pagerDuty("Original", key)).get("id").stringValue();
        String twin = Channels.create(admin, Channels.pagerDuty("Twin", key)).get("id").stringValue();

        ApiResponse patched = admin.patch(CHANNELS + "/" + id, Map.of("name", "Renamed", "config", Map.of("region", "us")));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("config").get("integration_key").stringValue()).isEqualTo(Channels.masked(key));
        assertStillTheSameKey(admin, twin, id);
    }

    @Test
    void patchThatSendsBackTheMaskedValueKeepsTheKey() {
        ApiClient admin = newTenant().admin();
        String key = Channels.newRoutingKey();
        String id = Channels.create(admin, Channels.pagerDuty("Original", key)).get("id").stringValue();
        String twin = Channels.create(admin, Channels.pagerDuty("Twin", key)).get("id").stringValue();

        ApiResponse patched = admin.patch(CHANNELS + "/" + id,
                Map.of("config", Map.of("integration_key", Channels.masked(key))));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("config").get("integration_key").stringValue()).isEqualTo(Channels.masked(key));
        assertThat(Channels.warnings(patched.json())).noneMatch(w -> w.startsWith("config.integration_key"));
        assertStillTheSameKey(admin, twin, id);
    }

    @Test
    void putOfTheChannelAsReadKeepsEveryKey() {
        ApiClient admin = newTenant().admin();
        String key = Channels.newRoutingKey();
        String aliasKey = Channels.newRoutingKey();
        String ruleKey = Channels.newRoutingKey();
        Map<String, Object> body = Channels.pagerDuty("As read", key);
        config(body).put("routing_keys", Map.of("security-on-call", aliasKey));
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", "security-on-call"),
                Map.of("events", List.of("action.blocked"), "routing_key", ruleKey)));
        JsonNode created = Channels.create(admin, body);
        String id = created.get("id").stringValue();

        ApiResponse replaced = admin.put(CHANNELS + "/" + id, created);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("config")).isEqualTo(created.get("config"));
        assertThat(replaced.json().get("routing_rules")).isEqualTo(created.get("routing_rules"));
        assertThat(Channels.warnings(replaced.json())).isEmpty();
    }

    @Test
    void aMaskedValueThatMatchesNoStoredKeyIsRefused() {
        ApiClient admin = newTenant().admin();
        String key = Channels.newRoutingKey();
        String id = Channels.create(admin, Channels.pagerDuty("Original", key)).get("id").stringValue();

        String message = assertInvalidField(admin.patch(CHANNELS + "/" + id,
                Map.of("config", Map.of("integration_key", "****" + (key.endsWith("zzzz") ? "yyyy" : "zzzz")))),
                "config.integration_key");
        assertThat(message).contains("masked");
        assertInvalidField(admin.patch(CHANNELS + "/" + id, Map.of("config", Map.of("routing_key", Channels.masked(key)))),
                "config.routing_key");
        assertInvalidField(admin.post(CHANNELS, Channels.pagerDuty("New", "****abcd")), "config.integration_key");
        assertThat(admin.get(CHANNELS + "/" + id).json().get("config").get("integration_key").stringValue())
                .isEqualTo(Channels.masked(key));
    }

    @Test
    void aliasKeysAndLiteralRuleKeysAreMaskedWhileAliasNamesShow() {
        ApiClient admin = newTenant().admin();
        String securityKey = Channels.newRoutingKey();
        String governanceKey = Channels.newRoutingKey();
        String literalKey = Channels.newRoutingKey();
        Map<String, Object> body = Channels.pagerDuty("Routed", Channels.newRoutingKey());
        config(body).put("routing_keys", Map.of("security-on-call", securityKey, "governance-on-call", governanceKey));
        body.put("routing_rules", List.of(
                Map.of("events", List.of("auth.failed", "auth.mfa_failed"), "routing_key", "security-on-call"),
                Map.of("events", List.of("action.blocked"), "routing_key", "governance-on-call"),
                Map.of("events", List.of("policy.violation"), "routing_key", literalKey)));

        JsonNode created = Channels.create(admin, body);

        JsonNode aliases = created.get("config").get("routing_keys");
        assertThat(aliases.get("security-on-call").stringValue()).isEqualTo(Channels.masked(securityKey));
        assertThat(aliases.get("governance-on-call").stringValue()).isEqualTo(Channels.masked(governanceKey));
        JsonNode rules = created.get("routing_rules");
        assertThat(rules.get(0).get("routing_key").stringValue()).isEqualTo("security-on-call");
        assertThat(rules.get(1).get("routing_key").stringValue()).isEqualTo("governance-on-call");
        assertThat(rules.get(2).get("routing_key").stringValue()).isEqualTo(Channels.masked(literalKey));
        assertThat(created.toString()).doesNotContain(securityKey, governanceKey, literalKey);
    }

    @Test
    void noKeyAppearsInAnyAnswerInTheAuditLogOrInTheLog(CapturedOutput output) {
        Tenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String firstKey = Channels.newRoutingKey();
        String secondKey = Channels.newRoutingKey();
        String aliasKey = Channels.newRoutingKey();
        String shortKey = "short-" + Channels.newRoutingKey().substring(0, 6);
        Map<String, Object> body = Channels.pagerDuty("Secrets", firstKey);
        config(body).put("routing_key", shortKey);
        config(body).put("routing_keys", Map.of("on-call", aliasKey));
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", "on-call")));

        StringBuilder answers = new StringBuilder();
        ApiResponse created = admin.post(CHANNELS, body);
        String id = created.json().get("id").stringValue();
        answers.append(created.body());
        answers.append(admin.get(CHANNELS + "/" + id).body());
        answers.append(admin.get(CHANNELS).body());
        answers.append(admin.patch(CHANNELS + "/" + id, Map.of("config", Map.of("integration_key", secondKey))).body());
        answers.append(admin.patch(CHANNELS + "/" + id, Map.of("config", Map.of("region", "mars"))).body());
        Map<String, Object> twin = Channels.pagerDuty("Twin", secondKey);
        answers.append(admin.post(CHANNELS, twin).body());
        answers.append(admin.put(CHANNELS + "/" + id, Channels.pagerDuty("Replaced", firstKey)).body());
        answers.append(admin.delete(CHANNELS + "/" + id).body());
        ApiResponse audit = admin.get("/api/audit-log");
        answers.append(audit.body());
        LoggerFactory.getLogger(getClass()).info("end of the requests whose log output is checked for keys");

        assertThat(audit.json().get("items").size()).isGreaterThanOrEqualTo(5);
        assertThat(answers.toString()).doesNotContain(firstKey, secondKey, aliasKey, shortKey);
        assertThat(output.getAll()).as("the service's log, captured with this test's")
                .contains("end of the requests whose log output is checked for keys")
                .doesNotContain(firstKey, secondKey, aliasKey, shortKey);
    }

    /**
     * The duplicate check compares stored keys: {@code twin} was created with the same key as
     * {@code original}, so while it still warns about {@code original}, that channel holds the same key.
     */
    private static void assertStillTheSameKey(ApiClient admin, String twin, String original) {
        List<String> warnings = Channels.warnings(admin.get(CHANNELS + "/" + twin).json());
        assertThat(warnings).anyMatch(w -> w.contains("(" + original + ")") && w.contains("same routing key"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> channel) {
        return (Map<String, Object>) channel.get("config");
    }
}
