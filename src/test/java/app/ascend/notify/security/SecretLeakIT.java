package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A whole run of the service, every feature used the way a customer would (and some the way a
 * careless one would), then every answer body and header and every line the service logged are
 * searched for every secret the run used: passwords (right, wrong and typed into the email field),
 * API keys (live and revoked), integration, routing, alias and routing-rule keys (current and
 * replaced), session ids, and the key that seals channel keys at rest. None may appear, with one
 * exception: the answer that creates an API key shows it, once. (The PagerDuty simulator receives
 * routing keys in the events it records; that is PagerDuty's copy, not a log line of the service.)
 *
 * <p>Its own service (a separate Spring context, closed afterwards), so that its log is this run's
 * alone and its failed sign-ins count against no other test.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "ascend.login.max-failures-per-account=1000")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecretLeakIT extends ApiTest {
    private final List<RecordingApiClient.Recorded> answers = new CopyOnWriteArrayList<>();
    private final List<ApiClient> clients = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    @Value("${ascend.data-dir}")
    String dataDir;

    @Override
    protected ApiClient anonymous() {
        ApiClient client = new RecordingApiClient(baseUrl(), answers);
        clients.add(client);
        return client;
    }

    @Test
    void noSecretOfAWholeRunIsInAnyAnswerOrLogLine(CapturedOutput output) throws IOException {
        secret(ROOT_PASSWORD, "the system administrator's password");
        Tenant tenant = newTenant();
        secret(tenant.adminPassword(), "an organization admin's password");
        ApiClient admin = tenant.admin();
        signInsRightAndWrong(tenant);
        String placeholderChannel = channelsCreatedChangedAndDeleted(admin);
        eventsDeliveredFailedAndRetried(tenant, admin, placeholderChannel);
        malformedBodiesCarryingKeys(admin);
        webhookSecretsCreatedRotatedAndRefused(admin);
        teamsWebhookUrlsCreatedKeptAndReplaced(admin);
        slackSecretsCreatedSentAndRefused(admin);
        syslogPrivateKeyPastedAsCaRefused(admin);
        splunkHecTokensCreatedKeptAndRefused(admin);
        serviceNowSecretsCreatedKeptAndRefused(admin);
        pagerDutyWebhookSecretsKeptAndVerified(admin);
        pagerDutyRestApiTokensRefusedKeptAndUsed(tenant, admin);
        readEverything(admin);
        sealingKey();
        clients.forEach(client -> client.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ASCEND_SESSION")).map(HttpCookie::getValue)
                .forEach(id -> secret(id, "a session id")));

        List<String> leaks = new ArrayList<>();
        for (RecordingApiClient.Recorded recorded : answers) {
            String searched = recorded.answer().body() + "\n" + recorded.answer().headers().map().entrySet().stream()
                    .filter(h -> !h.getKey().equalsIgnoreCase("set-cookie")).toList();
            if (recorded.request().equals("POST /api/api-keys") && recorded.answer().status() == 201) {
                searched = searched.replace(recorded.answer().json().get("key").stringValue(), "<the new key, shown once>");
            }
            if (shownOnceWebhookSecret(recorded)) {
                searched = searched.replace(recorded.answer().json().get("config").get("secret").stringValue(),
                        "<the new webhook secret, shown once>");
            }
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                if (searched.contains(secret.getKey())) {
                    leaks.add(secret.getValue() + " in the answer to " + recorded.request() + ": " + recorded.answer());
                }
            }
        }
        String log = output.getAll();
        for (String line : log.split("\n")) {
            secrets.forEach((secret, what) -> {
                if (line.contains(secret)) {
                    leaks.add(what + " in the log: " + line);
                }
            });
        }

        assertThat(answers).as("answers searched").hasSizeGreaterThan(60);
        assertThat(log).as("the log searched, from the service's start").contains("Created the system administrator",
                "delivery dispatcher", "(sent at once)", "failed (HTTP 400");
        assertThat(secrets).as("secrets searched for").hasSizeGreaterThan(25);
        assertThat(leaks).isEmpty();
    }

    private void signInsRightAndWrong(Tenant tenant) {
        ApiClient admin = tenant.admin();
        for (String role : List.of("admin", "viewer")) {
            String email = role + "-" + UUID.randomUUID() + "@example.test";
            String password = secret("pw-" + role + "-" + UUID.randomUUID(), "a user's password");
            assertThat(admin.post("/api/users", Map.of("email", email, "password", password, "role", role)).status())
                    .isEqualTo(201);
            assertThat(anonymous().login(email, password).status()).isEqualTo(200);
            String wrong = secret("wrong-" + UUID.randomUUID(), "a wrong password");
            assertThat(anonymous().login(email, wrong).status()).isEqualTo(401);
        }
        String typedIntoEmail = secret("pw-in-the-email-field-" + UUID.randomUUID(), "a password typed into the email field");
        assertThat(anonymous().login(typedIntoEmail, tenant.adminPassword()).status()).isIn(400, 401);
        assertThat(anonymous().login(typedIntoEmail + "@example.test", typedIntoEmail).status()).isEqualTo(401);
        ApiResponse tooShort = admin.post("/api/users", Map.of("email", "short-" + UUID.randomUUID() + "@example.test",
                "password", secret("S" + UUID.randomUUID().toString().substring(0, 8), "a refused password"), "role", "viewer"));
        assertThat(tooShort.status()).isEqualTo(400);
        ApiClient signedOut = anonymous();
        signedOut.login(tenant.adminEmail(), tenant.adminPassword());
        assertThat(signedOut.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
    }

    /** Channels with every kind of key, read, patched, replaced and deleted; returns a channel whose key PagerDuty refuses. */
    private String channelsCreatedChangedAndDeleted(ApiClient admin) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("integration_key", secret(newRoutingKey(), "an integration key"));
        config.put("routing_key", secret(newRoutingKey(), "a routing key"));
        config.put("routing_keys", Map.of("security", secret(newRoutingKey(), "an alias's key"),
                "platform", secret(newRoutingKey(), "an alias's key")));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Every key", "type", "pagerduty", "config", config));
        body.put("routing_rules", List.of(Map.of("events", List.of("auth.failed"), "routing_key", "security"),
                Map.of("events", List.of("anomaly.detected"), "routing_key", secret(newRoutingKey(), "a routing rule's key"))));
        JsonNode channel = Channels.create(admin, body);
        String path = Channels.PATH + "/" + channel.get("id").stringValue();
        admin.get(path);
        assertThat(admin.patch(path, Map.of("name", "Every key, renamed")).status()).isEqualTo(200);
        JsonNode read = admin.get(path).json();
        assertThat(admin.put(path, read).status()).as("masked keys sent back as read").isEqualTo(200);
        assertThat(admin.patch(path, Map.of("config", Map.of("routing_key", secret(newRoutingKey(), "a replacing key"))))
                .status()).isEqualTo(200);
        Map<String, Object> replaced = new LinkedHashMap<>(Map.of("name", "Replaced", "type", "pagerduty",
                "config", Map.of("integration_key", secret(newRoutingKey(), "a key set by PUT"))));
        assertThat(admin.put(path, replaced).status()).isEqualTo(200);

        String gone = Channels.create(admin, Channels.pagerDuty("To delete", secret(newRoutingKey(), "a deleted channel's key")))
                .get("id").stringValue();
        assertThat(admin.delete(Channels.PATH + "/" + gone).status()).isEqualTo(204);

        String placeholder = secret("my-service-key-" + UUID.randomUUID(), "a key PagerDuty refuses");
        return Channels.create(admin, Channels.pagerDuty("Refused key", placeholder)).get("id").stringValue();
    }

    private void eventsDeliveredFailedAndRetried(Tenant tenant, ApiClient admin, String placeholderChannel) {
        String apiKey = secret(tenant.newApiKey(), "an API key");
        ApiClient engine = anonymous().withApiKey(apiKey);
        String actionId = "act-" + UUID.randomUUID();
        assertThat(engine.post("/api/events", List.of(
                Map.of("type", "auth.failed", "action_id", actionId + "-a", "user", "alice@example.test"),
                Map.of("type", "anomaly.detected", "action_id", actionId + "-b", "risk_score", 90),
                Map.of("type", "action.blocked", "action_id", actionId, "risk_score", 95))).status()).isEqualTo(202);
        PAGERDUTY.failNext(1, 503);
        assertThat(engine.post("/api/events", Map.of("type", "policy.violation", "action_id", actionId + "-c")).status())
                .isEqualTo(202);
        assertThat(engine.post("/api/events", Map.of("type", "action.approved", "action_id", actionId)).status()).isEqualTo(202);
        engine.get("/api/auth/me");

        ApiResponse test = admin.post("/api/notifications/test", Map.of("channel_id", placeholderChannel));
        assertThat(test.json().get("success").asBoolean()).as(test.body()).isFalse();
        String failed = test.json().get("delivery_id").stringValue();
        assertThat(admin.post("/api/notifications/deliveries/" + failed + "/retry", Map.of()).status()).isEqualTo(202);
        String channel = admin.get(Channels.PATH).itemIds().stream().filter(id -> !id.equals(placeholderChannel)).findFirst()
                .orElseThrow();
        admin.post("/api/notifications/test", Map.of("channel_id", channel, "resolve", true));
        admin.post("/api/notifications/test", Map.of("channel_id", channel, "dry_run", true,
                "event", Map.of("type", "anomaly.detected", "action_id", actionId + "-d")));

        Awaitility.await("deliveries done").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin.get("/api/notifications/deliveries?status=pending").itemIds().isEmpty()
                        && admin.get("/api/notifications/deliveries?status=in_flight").itemIds().isEmpty());

        String revoked = secret(tenant.newApiKey(), "a revoked API key");
        String revokedId = admin.get("/api/api-keys").itemIds().get(0);
        assertThat(admin.delete("/api/api-keys/" + revokedId).status()).isEqualTo(204);
        assertThat(anonymous().withApiKey(revoked).post("/api/events", Map.of("type", "action.blocked")).status())
                .isEqualTo(401);
    }

    /** Bodies a careless client might send with a key in them: refused, and the refusal must not repeat the key. */
    private void malformedBodiesCarryingKeys(ApiClient admin) {
        String unquoted = secret("K" + newRoutingKey().substring(1), "a key in a malformed body");
        String tooLong = secret("L" + newRoutingKey().repeat(7), "an over-long key");
        String blankish = secret("B" + newRoutingKey().substring(1), "a key of a refused channel");
        for (String body : List.of("{\"name\": \"Bad\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"" + tooLong + "\"}}",
                "{\"name\": \"\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"" + blankish + "\"}}",
                "{\"name\": \"Bad\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"" + blankish + "\", \"region\": \"mars\"}}",
                "{\"name\": \"Bad\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": " + unquoted + "}}",
                "{\"name\": \"Bad\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"" + blankish)) {
            ApiResponse refused = admin.send("POST", Channels.PATH, "application/json", body, Map.of());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        }
        ApiResponse masked = admin.post(Channels.PATH, Channels.pagerDuty("Masked", "****" + blankish.substring(28)));
        assertThat(masked.status()).isEqualTo(400);
    }

    /** The answers that show a webhook's generated secret, once: the channel's creation and each rotation. */
    private static boolean shownOnceWebhookSecret(RecordingApiClient.Recorded recorded) {
        boolean created = recorded.request().equals("POST " + Channels.PATH) && recorded.answer().status() == 201;
        boolean rotated = recorded.request().endsWith("/rotate-secret") && recorded.answer().status() == 200;
        return (created || rotated) && "webhook".equals(recorded.answer().json().path("type").asString());
    }

    /** A webhook channel: its URL's tokens, its generated secret and the one replacing it; a chosen secret refused. */
    private void webhookSecretsCreatedRotatedAndRefused(ApiClient admin) {
        String pathToken = secret("p" + newRoutingKey(), "a token in a webhook URL's path");
        String queryToken = secret("q" + newRoutingKey(), "a token in a webhook URL's query");
        Map<String, Object> body = Map.of("name", "Webhook", "type", "webhook", "events", List.of("auth.mfa_failed"),
                "config", Map.of("url", "https://203.0.113.9/hooks/" + pathToken + "?token=" + queryToken));
        JsonNode created = Channels.create(admin, body);
        String id = created.get("id").stringValue();
        secret(created.get("config").get("secret").stringValue(), "a webhook's generated secret");
        ApiResponse rotated = admin.post(Channels.PATH + "/" + id + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        secret(rotated.json().get("config").get("secret").stringValue(), "a webhook's rotated secret");
        String chosen = secret("whsec_" + Base64.getEncoder().encodeToString(newRoutingKey().getBytes(StandardCharsets.UTF_8)),
                "a webhook secret a client tried to choose");
        ApiResponse refused = admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("secret", chosen)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        ApiResponse renamed = admin.patch(Channels.PATH + "/" + id, Map.of("name", "Webhook, renamed"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    }

    /**
     * A Teams channel: its Workflows URL's path and signature (the credential), kept when sent back masked, and
     * the URL replacing it; a masked URL matching no stored one refused without repeating it.
     */
    private void teamsWebhookUrlsCreatedKeptAndReplaced(ApiClient admin) {
        String flow = secret("w" + newRoutingKey(), "a Teams flow id in a Workflows URL's path");
        String sig = secret("s" + newRoutingKey(), "a Teams Workflows URL's signature");
        String url = "https://203.0.113.10:443/workflows/" + flow + "/triggers/manual/paths/invoke?api-version=2016-06-01&sig=" + sig;
        JsonNode created = Channels.create(admin, Map.of("name", "Teams", "type", "teams", "events", List.of("auth.mfa_failed"),
                "config", Map.of("webhook_url", url)));
        String id = created.get("id").stringValue();
        String masked = created.get("config").get("webhook_url").stringValue();
        ApiResponse kept = admin.patch(Channels.PATH + "/" + id, Map.of("name", "Teams, renamed",
                "config", Map.of("webhook_url", masked)));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        String newSig = secret("n" + newRoutingKey(), "a replacing Teams Workflows URL's signature");
        ApiResponse replaced = admin.put(Channels.PATH + "/" + id, Map.of("name", "Teams", "type", "teams",
                "config", Map.of("webhook_url", "https://203.0.113.11/workflows/x/triggers/manual/paths/invoke?sig=" + newSig)));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        ApiResponse refused = admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("webhook_url",
                "https://203.0.113.12/…")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    }

    /**
     * A Splunk HEC channel: its token (a GUID) read masked, kept when the channel is sent back as read, replaced; a
     * masked token matching no stored one and a token given with its "Splunk " prefix refused without repeating it.
     */
    private void splunkHecTokensCreatedKeptAndRefused(ApiClient admin) {
        String token = secret(java.util.UUID.randomUUID().toString(), "a Splunk HEC token");
        JsonNode created = Channels.create(admin, Map.of("name", "Splunk", "type", "splunk_hec",
                "events", List.of("auth.mfa_failed"), "config", Map.of("url", "https://203.0.113.13:8088", "token", token,
                        "index", "ascend")));
        String path = Channels.PATH + "/" + created.get("id").stringValue();
        assertThat(admin.put(path, admin.get(path).json()).status()).as("the masked token sent back as read")
                .isEqualTo(200);
        String replacing = secret(java.util.UUID.randomUUID().toString(), "a replacing Splunk HEC token");
        ApiResponse replaced = admin.patch(path, Map.of("config", Map.of("token", replacing)));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        ApiResponse masked = admin.patch(path, Map.of("config", Map.of("token", "****0000")));
        assertThat(masked.status()).as(masked.toString()).isEqualTo(400);
        String prefixed = secret(java.util.UUID.randomUUID().toString(), "a Splunk HEC token sent with its prefix");
        ApiResponse refused = admin.patch(path, Map.of("config", Map.of("token", "Splunk " + prefixed)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    }

    /**
     * A syslog channel (nothing of it is secret: a CA certificate is public) saved, read and sent back as read; a
     * private key pasted by mistake into its CA field refused without repeating it.
     */
    private void syslogPrivateKeyPastedAsCaRefused(ApiClient admin) {
        String id = Channels.create(admin, Map.of("name", "Syslog", "type", "syslog", "events", List.of("auth.mfa_failed"),
                "config", Map.of("host", "203.0.113.13", "port", 6514))).get("id").stringValue();
        assertThat(admin.put(Channels.PATH + "/" + id, admin.get(Channels.PATH + "/" + id).json()).status())
                .as("the channel sent back as read").isEqualTo(200);
        String key = secret("MIIEv" + newRoutingKey() + newRoutingKey(), "a private key pasted as a syslog CA");
        ApiResponse refused = admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("ca_certificate",
                "-----BEGIN PRIVATE KEY-----\n" + key + "\n-----END PRIVATE KEY-----\n")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    }

    /**
     * Slack channels: a bot token (test alert sent and resolved through the simulator's Web API: post, update, thread
     * reply), an incoming webhook URL (its path is the credential), each read, replaced as read and patched; a
     * malformed token refused.
     */
    private void slackSecretsCreatedSentAndRefused(ApiClient admin) {
        String token = secret("xoxb-" + newRoutingKey().substring(0, 10) + "-" + newRoutingKey(), "a Slack bot token");
        Map<String, Object> bot = new LinkedHashMap<>(Map.of("name", "Slack bot", "type", "slack",
                "events", List.of("auth.mfa_failed"), "config", Map.of("bot_token", token, "channel", "C0SECRETLEAK")));
        String botPath = Channels.PATH + "/" + Channels.create(admin, bot).get("id").stringValue();
        ApiResponse sent = admin.post("/api/notifications/test", Map.of("channel_id", botPath.substring(
                Channels.PATH.length() + 1), "resolve", true));
        assertThat(sent.json().get("success").asBoolean()).as(sent.body()).isTrue();
        assertThat(admin.put(botPath, admin.get(botPath).json()).status()).as("the masked token sent back as read")
                .isEqualTo(200);
        String hookToken = secret(newRoutingKey().substring(0, 24), "a Slack webhook URL's secret path");
        Map<String, Object> hook = new LinkedHashMap<>(Map.of("name", "Slack webhook", "type", "slack",
                "events", List.of("auth.mfa_failed"), "config", Map.of("webhook_url",
                        "https://hooks.slack.com/services/T0SECRET/B0SECRET/" + hookToken)));
        String hookPath = Channels.PATH + "/" + Channels.create(admin, hook).get("id").stringValue();
        assertThat(admin.put(hookPath, admin.get(hookPath).json()).status()).isEqualTo(200);
        assertThat(admin.patch(hookPath, Map.of("name", "Slack webhook, renamed")).status()).isEqualTo(200);
        String refused = secret("xoxp-" + newRoutingKey(), "a Slack user token, refused");
        assertThat(admin.patch(botPath, Map.of("config", Map.of("bot_token", refused))).status()).isEqualTo(400);
    }

    /**
     * ServiceNow channels: a password and an OAuth client secret, each read, sent back masked (kept), replaced as
     * read, rotated; a masked value matching no stored one refused without repeating it. On a documentation address
     * (RFC 5737), subscribed to a type never posted, so nothing is sent.
     */
    private void serviceNowSecretsCreatedKeptAndRefused(ApiClient admin) {
        String password = secret("p" + newRoutingKey(), "a ServiceNow password");
        String basicPath = Channels.PATH + "/" + Channels.create(admin, Map.of("name", "ServiceNow", "type", "servicenow",
                "events", List.of("auth.mfa_failed"), "config", Map.of("instance_url", "https://203.0.113.13",
                        "username", "ascend", "password", password))).get("id").stringValue();
        assertThat(admin.put(basicPath, admin.get(basicPath).json()).status()).as("the masked password sent back as read")
                .isEqualTo(200);
        String rotated = secret("r" + newRoutingKey(), "a rotated ServiceNow password");
        assertThat(admin.patch(basicPath, Map.of("config", Map.of("password", rotated))).status()).isEqualTo(200);
        String clientSecret = secret("c" + newRoutingKey(), "a ServiceNow OAuth client secret");
        ApiResponse switched = admin.patch(basicPath, Map.of("config", new LinkedHashMap<>(Map.of("username", "",
                "client_id", "ascend-client", "client_secret", clientSecret))));
        assertThat(switched.status()).as("a switch that leaves a user name is refused: " + switched).isEqualTo(400);
        Map<String, Object> oauthConfig = new LinkedHashMap<>();
        oauthConfig.put("username", null);
        oauthConfig.put("password", null);
        oauthConfig.put("client_id", "ascend-client");
        oauthConfig.put("client_secret", clientSecret);
        assertThat(admin.patch(basicPath, Map.of("config", oauthConfig)).status()).isEqualTo(200);
        assertThat(admin.put(basicPath, admin.get(basicPath).json()).status()).isEqualTo(200);
        assertThat(admin.patch(basicPath, Map.of("config", Map.of("client_secret", "****zzzz"))).status()).isEqualTo(400);
    }

    private void readEverything(ApiClient admin) {
        for (String path : List.of(Channels.PATH, "/api/events", "/api/notifications/deliveries", "/api/audit-log",
                "/api/api-keys", "/api/users", "/api/organizations", "/api/auth/me")) {
            ApiResponse list = admin.get(path);
            assertThat(list.status()).as(path).isEqualTo(200);
            if (list.json().has("items")) {
                for (JsonNode item : list.json().get("items")) {
                    if (item.has("id") && (path.equals(Channels.PATH) || path.equals("/api/events")
                            || path.equals("/api/notifications/deliveries"))) {
                        admin.get(path + "/" + item.get("id").stringValue());
                    }
                }
            }
        }
    }

    /** The AES key that seals channel keys at rest, as the file holds it and as hex. */
    private void sealingKey() throws IOException {
        String base64 = Files.readString(Path.of(dataDir, "secret.key"), StandardCharsets.US_ASCII).trim();
        secret(base64, "the sealing key (base64)");
        secret(HexFormat.of().formatHex(Base64.getDecoder().decode(base64)), "the sealing key (hex)");
    }

    /**
     * A PagerDuty channel's REST API token: created, read, sent back masked; a reconciliation with it refused
     * (PagerDuty's 401 in the pass's error), then replaced by one the simulator knows and used, so the passes'
     * answers, the channel's reconciliation summary, the audit trail and the log lines are searched too.
     */
    private void pagerDutyRestApiTokensRefusedKeptAndUsed(Tenant tenant, ApiClient admin) {
        String refused = secret("pd-rest-refused-" + newRoutingKey().substring(0, 12), "a refused PagerDuty REST API token");
        String known = secret("pd-rest-known-" + newRoutingKey().substring(0, 12), "a PagerDuty REST API token");
        PAGERDUTY.restApi().addToken(known);
        String routingKey = newRoutingKey();
        Map<String, Object> body = Channels.pagerDuty("Reconciled", routingKey);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("rest_api_token", refused);
        String id = Channels.create(admin, body).get("id").stringValue();
        admin.put(Channels.PATH + "/" + id, admin.get(Channels.PATH + "/" + id).json());
        String actionId = app.ascend.notify.support.Events.newActionId();
        anonymous().withApiKey(secret(tenant.newApiKey(), "an API key")).post("/api/events",
                app.ascend.notify.support.Events.trigger("action.blocked", actionId, 95));
        eventually().until(() -> PAGERDUTY.openIncident(routingKey, "ascend-" + actionId).isPresent());
        admin.post(Channels.PATH + "/" + id + "/reconcile", Map.of());
        admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("rest_api_token", known)));
        PAGERDUTY.changeByHand(true, routingKey, "ascend-" + actionId, "Jane Doe", true);
        admin.post(Channels.PATH + "/" + id + "/reconcile", Map.of());
        admin.get(Channels.PATH + "/" + id + "/reconciliations");
        admin.get(Channels.PATH + "/" + id);
    }

    /**
     * A PagerDuty channel's webhook signing secret: created, read, sent back masked, replaced; deliveries
     * signed with it (one about an unknown incident key, one malformed) and with another one (refused), so
     * every answer and log line of the inbound route is searched too.
     */
    private void pagerDutyWebhookSecretsKeptAndVerified(ApiClient admin) {
        String signing = secret("pd-signing-" + newRoutingKey(), "a PagerDuty webhook signing secret");
        String replaced = secret("pd-signing-" + newRoutingKey(), "a replaced PagerDuty webhook signing secret");
        String wrong = secret("pd-signing-" + newRoutingKey(), "a secret that signs nothing of ours");
        Map<String, Object> body = Channels.pagerDuty("Two-way", newRoutingKey());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) body.get("config");
        config.put("webhook_secret", signing);
        JsonNode created = Channels.create(admin, body);
        String id = created.get("id").stringValue();
        admin.put(Channels.PATH + "/" + id, admin.get(Channels.PATH + "/" + id).json());
        String ack = app.ascend.notify.support.PagerDutyWebhooks.json(app.ascend.notify.support.PagerDutyWebhooks
                .incidentEvent("incident.acknowledged", "ascend-unknown", "acknowledged", "Jane Doe", java.time.Instant.now()));
        app.ascend.notify.support.PagerDutyWebhooks.post(anonymous(), id, signing, "wh-" + newRoutingKey(), ack);
        app.ascend.notify.support.PagerDutyWebhooks.post(anonymous(), id, wrong, "wh-" + newRoutingKey(), ack);
        app.ascend.notify.support.PagerDutyWebhooks.post(anonymous(), id, signing, "wh-" + newRoutingKey(), "{\"event\": 1}");
        admin.patch(Channels.PATH + "/" + id, Map.of("config", Map.of("webhook_secret", replaced)));
        app.ascend.notify.support.PagerDutyWebhooks.post(anonymous(), id, replaced, "wh-" + newRoutingKey(), ack);
        admin.get(Channels.PATH + "/" + id + "/webhooks");
    }

    private String secret(String value, String what) {
        secrets.put(value, what);
        return value;
    }
}
