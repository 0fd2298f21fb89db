package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * SQL metacharacters and HTML in every text field are stored and answered literally, as
 * {@code application/json}, never HTML-escaped (escaping is the console's job, at display) and never
 * interpreted by the database: channel names, routing-key aliases, runbook URLs' query strings, every
 * text field of an event (and the filter that finds it), API key names, organization names, emails.
 * The service has no maintenance windows yet.
 */
class LiteralTextIT extends ApiTest {
    static final List<String> PAYLOADS = List.of("'; drop table channels; --", "\" or 1=1 --", "\\",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "Robert'); DROP TABLE events;-- <b>&amp;</b> \\' \\\" %27 %00 ${7*7} {{7*7}} \u202Eevil");
    /** What a runbook URL may carry in its query string and still be a URL: the payloads, percent-encoded or raw where legal. */
    static final List<String> RUNBOOK_URLS = List.of("https://wiki.example/runbooks/blocked?q=';%20drop%20table%20channels;%20--",
            "https://wiki.example/runbooks/blocked?q=%22%20or%201=1%20--&x=%5C",
            "https://wiki.example/runbooks/blocked?q=%3Cscript%3Ealert(1)%3C/script%3E&amp;y=1",
            "https://wiki.example/runbooks/blocked?q=%3Cimg%20src=x%20onerror=alert(1)%3E#'--");
    private static final List<String> EVENT_TEXT_FIELDS = List.of("summary", "agent_id", "action_type", "resource",
            "policy_name", "user", "source_ip");

    @Test
    void channelNamesAliasesAndRunbookUrlsAreStoredLiterally() {
        ApiClient admin = newTenant().admin();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            String alias = payload;
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("routing_key", Channels.newRoutingKey());
            config.put("routing_keys", Map.of(alias, Channels.newRoutingKey()));
            config.put("runbook_links", Map.of("action.blocked", RUNBOOK_URLS.get(i % RUNBOOK_URLS.size())));
            Map<String, Object> body = Map.of("name", payload, "type", "pagerduty", "config", config,
                    "routing_rules", List.of(Map.of("events", List.of("action.blocked"), "routing_key", alias)));

            ApiResponse created = json(admin.post(Channels.PATH, body), 201);
            String path = Channels.PATH + "/" + created.json().get("id").stringValue();
            for (JsonNode channel : List.of(created.json(), json(admin.get(path), 200).json())) {
                assertThat(channel.get("name").stringValue()).isEqualTo(payload);
                assertThat(channel.get("config").get("routing_keys").propertyNames()).containsExactly(alias);
                assertThat(channel.get("routing_rules").get(0).get("routing_key").stringValue()).isEqualTo(alias);
                assertThat(channel.get("config").get("runbook_links").get("action.blocked").stringValue())
                        .isEqualTo(RUNBOOK_URLS.get(i % RUNBOOK_URLS.size()));
            }
            String renamed = payload + " (renamed)";
            assertThat(json(admin.patch(path, Map.of("name", renamed)), 200).json().get("name").stringValue()).isEqualTo(renamed);
            assertThat(strings(json(admin.get("/api/audit-log?target_id=" + created.json().get("id").stringValue()), 200).json()))
                    .contains(payload, renamed);
        }
        List<String> names = new ArrayList<>();
        json(admin.get(Channels.PATH), 200).json().get("items").forEach(c -> names.add(c.get("name").stringValue()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(PAYLOADS.stream().map(p -> p + " (renamed)").toList());
    }

    @Test
    void everyTextFieldOfAnEventIsStoredFoundAndSentLiterally() {
        Tenant tenant = newTenant();
        String routingKey = newRoutingKey();
        Channels.create(tenant.admin(), Channels.pagerDuty("Literal events", routingKey));
        ApiClient engine = anonymous().withApiKey(tenant.newApiKey());

        for (String payload : PAYLOADS) {
            String unique = payload + " " + UUID.randomUUID();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "action.blocked");
            event.put("id", unique);
            event.put("action_id", unique);
            event.put("dedup_key", unique);
            EVENT_TEXT_FIELDS.forEach(field -> event.put(field, payload));
            event.put("details", Map.of(payload, payload));
            ApiResponse accepted = json(engine.post("/api/events", event), 202);
            String id = accepted.json().get("events").get(0).get("id").stringValue();

            JsonNode stored = json(tenant.admin().get("/api/events/" + id), 200).json().get("event");
            EVENT_TEXT_FIELDS.forEach(field -> assertThat(stored.get(field).stringValue()).as(field).isEqualTo(payload));
            assertThat(stored.get("source_id").stringValue()).isEqualTo(unique);
            assertThat(stored.get("action_id").stringValue()).isEqualTo(unique);
            assertThat(stored.get("dedup_key").stringValue()).isEqualTo(unique);
            assertThat(stored.get("details").get(payload).stringValue()).isEqualTo(payload);
            ApiResponse found = json(tenant.admin().get("/api/events?action_id="
                    + URLEncoder.encode(unique, StandardCharsets.UTF_8)), 200);
            assertThat(found.itemIds()).containsExactly(id);
            ApiResponse again = json(engine.post("/api/events", event), 202);
            assertThat(again.json().get("events").get(0).get("duplicate").asBoolean()).as("the same sender id").isTrue();

            Awaitility.await("the trigger reaches PagerDuty").atMost(Duration.ofSeconds(60))
                    .until(() -> !PAGERDUTY.eventsFor(unique).isEmpty());
            JsonNode sent = PAGERDUTY.eventsFor(unique).get(0).json();
            assertThat(sent.get("payload").get("summary").stringValue()).isEqualTo(payload);
            assertThat(sent.get("payload").get("custom_details").get("resource").stringValue()).isEqualTo(payload);
        }
    }

    @Test
    void apiKeyNamesOrganizationNamesAndEmailsAreStoredLiterally() {
        Tenant tenant = newTenant();
        for (String payload : PAYLOADS) {
            ApiResponse key = json(tenant.admin().post("/api/api-keys", Map.of("name", payload)), 201);
            assertThat(key.json().get("name").stringValue()).isEqualTo(payload);
        }
        List<String> keyNames = new ArrayList<>();
        json(tenant.admin().get("/api/api-keys"), 200).json().get("items").forEach(k -> keyNames.add(k.get("name").stringValue()));
        assertThat(keyNames).containsExactlyInAnyOrderElementsOf(PAYLOADS);

        ApiClient root = root();
        for (String payload : PAYLOADS) {
            String name = payload + " " + UUID.randomUUID().toString().substring(0, 8);
            String email = "'--<script>" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            ApiResponse organization = json(root.post("/api/organizations",
                    Map.of("name", name, "admin_email", email, "admin_password", "a-long-enough-password")), 201);
            assertThat(organization.json().get("name").stringValue()).isEqualTo(name);
            assertThat(organization.json().get("admin").get("email").stringValue()).isEqualTo(email);
            ApiClient admin = anonymous();
            ApiResponse signedIn = json(admin.login(email, "a-long-enough-password"), 200);
            assertThat(signedIn.json().get("organization").get("name").stringValue()).isEqualTo(name);
            assertThat(json(admin.get("/api/organizations"), 200).json().get("items").get(0).get("name").stringValue())
                    .isEqualTo(name);
        }

        String userEmail = "<script>alert(1)</script>'or'1'='1@example.test";
        assertThat(json(tenant.admin().post("/api/users", Map.of("email", userEmail, "password", "a-long-enough-password",
                "role", "viewer")), 201).json().get("email").stringValue()).isEqualTo(userEmail);
        assertThat(json(anonymous().login(userEmail, "a-long-enough-password"), 200).json().get("user").get("email")
                .stringValue()).isEqualTo(userEmail);
    }

    /** The answer has {@code status}, is JSON, and holds no HTML escaping. */
    private static ApiResponse json(ApiResponse answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("&lt;", "&gt;", "&#39;", "&#x27;", "&quot;");
        return answer;
    }

    /** Every string in a JSON tree. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        List<JsonNode> queue = new ArrayList<>(List.of(node));
        for (int i = 0; i < queue.size(); i++) {
            JsonNode n = queue.get(i);
            if (n.isString()) {
                out.add(n.stringValue());
            }
            n.forEach(queue::add);
        }
        return out;
    }
}
