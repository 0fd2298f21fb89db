package app.ascend.notify.channel;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;

/**
 * A channel that would not work as written answers 400 {@code application/problem+json} with an
 * {@code errors} list naming every bad field; a typo is never silently ignored, and no input answers 500.
 */
class ChannelValidationIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;
    private static final String KNOWN_TYPES = "action.blocked, policy.violation, auth.failed, auth.mfa_failed, "
            + "anomaly.detected, action.approved, action.resolved, action.acknowledged";

    @Test
    void unknownTopLevelFieldIsNamed() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("colour", "red");

        String message = assertInvalidField(admin.post(CHANNELS, body), "colour");
        assertThat(message).contains("unknown field");
    }

    @Test
    void aChannelsTypeCannotBeChangedByReplacingIt() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, Channels.pagerDuty("Paging", Channels.newRoutingKey())).get("id").stringValue();
        Map<String, Object> webhook = Map.of("name", "Now a webhook", "type", "webhook",
                "config", Map.of("url", "https://hooks.example.com/ascend"));

        String message = assertInvalidField(admin.put(CHANNELS + "/" + id, webhook), "type");
        assertThat(message).contains("cannot be changed");
        assertThat(admin.get(CHANNELS + "/" + id).json().get("type").stringValue()).isEqualTo("pagerduty");
    }

    /** H2 counts a varchar's length in UTF-16 units: 200 emoji (400 units) were a 500 at the insert (fuzz suite). */
    @Test
    void aNameOfTwoHundredEmojiIsRefusedAsTooLongNotAServerError() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("name", "🚨".repeat(200));

        String message = assertInvalidField(admin.post(CHANNELS, body), "name");
        assertThat(message).contains("at most 200 characters").contains("counts as two");
        body.put("name", "🚨".repeat(100));
        assertThat(admin.post(CHANNELS, body).status()).isEqualTo(201);
    }

    @Test
    void unknownFieldInConfigIsNamed() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = Channels.pagerDuty("Typo", Channels.newRoutingKey());
        config(body).put("runbook_link", Map.of());

        String message = assertInvalidField(admin.post(CHANNELS, body), "config.runbook_link");
        assertThat(message).contains("did you mean \"runbook_links\"");
    }

    @Test
    void filterTypoGetsADidYouMeanHint() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("filters", Map.of("min_risk_scor", 90));

        String message = assertInvalidField(admin.post(CHANNELS, body), "filters.min_risk_scor");
        assertThat(message).contains("did you mean \"min_risk_score\"");
    }

    @Test
    void unknownFieldInARoutingRuleIsNamed() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_keys", "security-on-call")));

        assertInvalidField(admin.post(CHANNELS, body), "routing_rules[0].routing_keys");
    }

    @Test
    void severityValuesMustBePagerDutys() {
        ApiClient admin = newTenant().admin();
        for (String bad : List.of("High", "urgent", "ERROR", "")) {
            Map<String, Object> body = valid();
            body.put("severity_mapping", Map.of("high", bad));

            String message = assertInvalidField(admin.post(CHANNELS, body), "severity_mapping.high");
            assertThat(message).as(bad).contains("critical, error, warning, info");
        }
    }

    @Test
    void unknownSeverityLevelIsNamed() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("severity_mapping", Map.of("severe", "critical"));

        assertInvalidField(admin.post(CHANNELS, body), "severity_mapping.severe");
    }

    @Test
    void unknownEventTypeIsRefusedListingTheKnownOnes() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("events", List.of("action.blocked", "action.exploded"));

        String message = assertInvalidField(admin.post(CHANNELS, body), "events[1]");
        assertThat(message).contains(KNOWN_TYPES);
    }

    @Test
    void unknownEventTypeInARoutingRuleIsRefused() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failure"), "routing_key", Channels.newRoutingKey())));

        assertThat(assertInvalidField(admin.post(CHANNELS, body), "routing_rules[0].events[0]")).contains(KNOWN_TYPES);
    }

    @Test
    void runbookLinksMustBeHttpOrHttps() {
        ApiClient admin = newTenant().admin();
        for (String bad : List.of("ftp://wiki.company.com/runbooks/blocked-action", "javascript:alert(1)",
                "/runbooks/blocked-action", "wiki.company.com/runbooks", "https://")) {
            Map<String, Object> body = valid();
            config(body).put("runbook_links", Map.of("action.blocked", bad));

            String message = assertInvalidField(admin.post(CHANNELS, body), "config.runbook_links.action.blocked");
            assertThat(message).as(bad).contains("http");
        }
        Map<String, Object> fine = valid();
        config(fine).put("runbook_links", Map.of("action.blocked", "http://wiki.internal/runbooks/blocked"));
        assertThat(admin.post(CHANNELS, fine).status()).isEqualTo(201);
    }

    @Test
    void runbookForAnUnknownEventTypeIsRefused() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        config(body).put("runbook_links", Map.of("action.exploded", "https://wiki.company.com/runbooks/x"));

        assertThat(assertInvalidField(admin.post(CHANNELS, body), "config.runbook_links.action.exploded"))
                .contains(KNOWN_TYPES);
    }

    @Test
    void maxRiskScoreIsAWholeNumberFromZeroToHundred() {
        ApiClient admin = newTenant().admin();
        for (Object bad : List.of(101, -1, 50.5, "69", false)) {
            Map<String, Object> body = valid();
            body.put("filters", Map.of("max_risk_score", bad));

            assertInvalidField(admin.post(CHANNELS, body), "filters.max_risk_score");
        }
        for (int fine : List.of(0, 69, 100)) {
            Map<String, Object> body = valid();
            body.put("filters", Map.of("max_risk_score", fine));
            ApiResponse created = admin.post(CHANNELS, body);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("filters").get("max_risk_score").asInt()).isEqualTo(fine);
        }
    }

    @Test
    void aMinimumAboveTheMaximumIsRefusedNamingBothFields() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("filters", Map.of("min_risk_score", 70, "max_risk_score", 69));

        ApiResponse refused = admin.post(CHANNELS, body);

        assertThat(assertInvalidField(refused, "filters.min_risk_score"))
                .contains("filters.min_risk_score 70 is above filters.max_risk_score 69");
        assertThat(assertInvalidField(refused, "filters.max_risk_score"))
                .contains("filters.min_risk_score 70 is above filters.max_risk_score 69");
        Map<String, Object> equal = valid();
        equal.put("filters", Map.of("min_risk_score", 50, "max_risk_score", 50));
        assertThat(admin.post(CHANNELS, equal).status()).isEqualTo(201);
    }

    @Test
    void riskLevelsAreANonEmptyListOfKnownLevels() {
        ApiClient admin = newTenant().admin();
        for (Object bad : List.of(List.of(), List.of("severe"), List.of("low", 3), "low", Map.of("low", true))) {
            Map<String, Object> body = valid();
            body.put("filters", Map.of("risk_levels", bad));

            ApiResponse refused = admin.post(CHANNELS, body);
            assertProblem(refused, 400);
            assertThat(refused.fieldErrors().keySet()).as(refused.body()).anySatisfy(f -> assertThat(f).startsWith("filters.risk_levels"));
        }
        Map<String, Object> body = valid();
        body.put("filters", Map.of("risk_levels", List.of("low", "medium", "low")));
        ApiResponse created = admin.post(CHANNELS, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("filters").get("risk_levels").toString()).isEqualTo("[\"medium\",\"low\"]");
    }

    @Test
    void minRiskScoreIsAWholeNumberFromZeroToHundred() {
        ApiClient admin = newTenant().admin();
        for (Object bad : List.of(101, -1, 50.5, "90", true, 1_000_000_000_000L)) {
            Map<String, Object> body = valid();
            body.put("filters", Map.of("min_risk_score", bad));

            assertInvalidField(admin.post(CHANNELS, body), "filters.min_risk_score");
        }
        for (int fine : List.of(0, 100)) {
            Map<String, Object> body = valid();
            body.put("filters", Map.of("min_risk_score", fine));
            assertThat(admin.post(CHANNELS, body).status()).isEqualTo(201);
        }
    }

    @Test
    void nameIsRequired() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.remove("name");

        assertInvalidField(admin.post(CHANNELS, body), "name");
        body.put("name", "   ");
        assertInvalidField(admin.post(CHANNELS, body), "name");
    }

    @Test
    void configNeedsAKey() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> withoutKeys = valid();
        withoutKeys.put("config", Map.of("region", "eu"));
        Map<String, Object> withoutConfig = valid();
        withoutConfig.remove("config");

        assertThat(assertInvalidField(admin.post(CHANNELS, withoutKeys), "config")).contains("integration_key");
        assertThat(assertInvalidField(admin.post(CHANNELS, withoutConfig), "config")).contains("integration_key");
    }

    @Test
    void unknownChannelTypeIsRefused() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        body.put("type", "carrier-pigeon");

        assertThat(assertInvalidField(admin.post(CHANNELS, body), "type")).contains("pagerduty");
        body.remove("type");
        assertInvalidField(admin.post(CHANNELS, body), "type");
    }

    @Test
    void regionIsUsOrEu() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = valid();
        config(body).put("region", "apac");

        assertInvalidField(admin.post(CHANNELS, body), "config.region");
        config(body).put("region", "eu");
        assertThat(admin.post(CHANNELS, body).json().get("config").get("region").stringValue()).isEqualTo("eu");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ApiClient admin = newTenant().admin();
        String body = """
                {
                "type": "pagerduty",
                "config": {"integration_key": "your-key", "region": "apac"},
                "events": ["action.blocked", "action.exploded"],
                "severity_mapping": {"high": "High"},
                "filters": {"min_risk_scor": 90}
                }""";

        ApiResponse answer = admin.post(CHANNELS, body);

        assertProblem(answer, 400);
        assertThat(answer.fieldErrors()).containsKeys("name", "config.region", "events[1]", "severity_mapping.high",
                "filters.min_risk_scor");
    }

    @Test
    void anInvalidPatchChangesNothing() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.SECURITY_CHANNEL).get("id").stringValue();
        ApiResponse before = admin.get(CHANNELS + "/" + id);

        assertInvalidField(admin.patch(CHANNELS + "/" + id, Map.of("name", "Renamed", "filters", Map.of("min_risk_scor", 1))),
                "filters.min_risk_scor");

        assertThat(admin.get(CHANNELS + "/" + id).json()).isEqualTo(before.json());
    }

    @Test
    void malformedJsonIsA400Problem() {
        ApiClient admin = newTenant().admin();

        ApiResponse answer = admin.post(CHANNELS, "{\"name\": \"PagerDuty Security\", \"type\": ");

        assertProblem(answer, 400);
        assertThat(answer.json().get("detail").stringValue()).contains("JSON");
        assertProblem(admin.send("POST", CHANNELS, "application/json", "", Map.of()), 400);
    }

    @Test
    void formPostIsUnsupportedMediaType() {
        ApiClient admin = newTenant().admin();

        assertProblem(admin.send("POST", CHANNELS, "application/x-www-form-urlencoded",
                "name=PagerDuty+Security&type=pagerduty", Map.of()), 415);
    }

    @Test
    void bodyOverOneMebibyteIsContentTooLarge() {
        ApiClient admin = newTenant().admin();
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(admin.post(CHANNELS, huge), 413);
        assertProblem(admin.sendChunked("POST", CHANNELS, "application/json", huge), 413);
        assertThat(admin.get(CHANNELS).itemIds()).isEmpty();
    }

    @Test
    void noInputAnswers500() {
        ApiClient admin = newTenant().admin();
        String id = Channels.create(admin, PageBodies.CRITICAL_ONLY_CHANNEL).get("id").stringValue();
        List<String> bodies = List.of("null", "[]", "42", "\"channel\"", "{}", "{\"name\": null}",
                "{\"name\": 7, \"type\": [], \"config\": \"x\", \"events\": \"action.blocked\", \"filters\": []}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": 12345678901234567890}}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\", \"routing_keys\": []}}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\", \"routing_keys\": {\"a\": 1}}}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}, \"routing_rules\": {}}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}, \"routing_rules\": [1, {}]}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}, \"filters\": {\"min_risk_score\": 1e400}}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}, \"events\": [null, 3]}",
                "{\"name\": \"n\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\", \"runbook_links\": {\"action.blocked\": \"https://[::1\"}}}",
                "{\"name\": \"" + "n".repeat(201) + "\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}}",
                "{\"name\": \"nul \\u0000 byte\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"k\"}}",
                "[".repeat(5000) + "]".repeat(5000));

        for (String body : bodies) {
            ApiResponse created = admin.post(CHANNELS, body);
            assertThat(created.status()).as("POST " + body.substring(0, Math.min(body.length(), 120)) + " → " + created)
                    .isEqualTo(400);
            ApiResponse patched = admin.patch(CHANNELS + "/" + id, body);
            assertThat(patched.status()).as("PATCH " + body.substring(0, Math.min(body.length(), 120)) + " → " + patched)
                    .isLessThan(500);
        }
    }

    private static Map<String, Object> valid() {
        return Channels.pagerDuty("Validation", Channels.newRoutingKey());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> channel) {
        return (Map<String, Object>) channel.get("config");
    }
}
