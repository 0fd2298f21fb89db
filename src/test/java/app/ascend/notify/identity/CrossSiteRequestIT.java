package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import tools.jackson.databind.JsonNode;

/**
 * CSRF: a state-changing request authenticated by the session cookie must be JSON (an HTML form can
 * only send form or text bodies, so a form post answers 415) and, when it names an {@code Origin},
 * come from this service's own origin (else 403). The page's curl lines pass.
 */
class CrossSiteRequestIT extends ApiTest {
    private static final String CHANNELS = Channels.PATH;
    private static final Map<String, String> EVIL = Map.of("Origin", "https://evil.example");

    @Test
    void formPostsAreRefusedWith415() {
        ApiClient admin = newTenant().admin();

        assertProblem(admin.send("POST", CHANNELS, "application/x-www-form-urlencoded",
                "name=PagerDuty+Security&type=pagerduty&config.integration_key=x", Map.of()), 415);
        assertProblem(admin.send("POST", CHANNELS, "text/plain", PageBodies.SECURITY_CHANNEL, Map.of()), 415);
        assertProblem(admin.send("POST", Channels.PAGE_PATH, "text/plain;charset=UTF-8", PageBodies.SECURITY_CHANNEL,
                Map.of()), 415);
        assertProblem(admin.send("POST", CHANNELS, "multipart/form-data; boundary=xyz", """
                --xyz\r
                Content-Disposition: form-data; name="name"\r
                \r
                PagerDuty Security\r
                --xyz--\r
                """, Map.of()), 415);

        assertThat(admin.get(CHANNELS).itemIds()).isEmpty();
    }

    @Test
    void aFormPostCannotChangeOrDeleteAChannelEither() {
        ApiClient admin = newTenant().admin();
        JsonNode channel = Channels.create(admin, PageBodies.SECURITY_CHANNEL);
        String path = CHANNELS + "/" + channel.get("id").stringValue();

        assertProblem(admin.send("PATCH", path, "text/plain", "{\"name\": \"Hijacked\"}", Map.of()), 415);
        assertProblem(admin.send("PUT", path, "application/x-www-form-urlencoded", "name=Hijacked", Map.of()), 415);

        assertThat(admin.get(path).json()).isEqualTo(channel);
    }

    @Test
    void aForeignOriginIsRefusedWith403() {
        ApiClient admin = newTenant().admin();
        JsonNode channel = Channels.create(admin, PageBodies.SECURITY_CHANNEL);
        String path = CHANNELS + "/" + channel.get("id").stringValue();

        assertProblem(admin.send("POST", CHANNELS, "application/json", PageBodies.CRITICAL_ONLY_CHANNEL, EVIL), 403);
        assertProblem(admin.send("PATCH", path, "application/json", "{\"name\": \"Hijacked\"}", EVIL), 403);
        assertProblem(admin.send("DELETE", path, null, null, EVIL), 403);
        assertProblem(admin.send("POST", "/api/api-keys", "application/json", "{\"name\": \"stolen\"}", EVIL), 403);
        assertProblem(admin.send("POST", CHANNELS, "application/json", PageBodies.CRITICAL_ONLY_CHANNEL,
                Map.of("Origin", "null")), 403);
        assertProblem(admin.send("POST", CHANNELS, "application/json", PageBodies.CRITICAL_ONLY_CHANNEL,
                Map.of("Origin", "http://127.0.0.1:" + port + ".evil.example")), 403);

        assertThat(admin.get(CHANNELS).itemIds()).containsExactly(channel.get("id").stringValue());
        assertThat(admin.get(path).json()).isEqualTo(channel);
        assertThat(admin.get("/api/api-keys").itemIds()).isEmpty();
    }

    @Test
    void theServicesOwnOriginIsAllowed() {
        ApiClient admin = newTenant().admin();

        ApiResponse created = admin.send("POST", CHANNELS, "application/json", PageBodies.SECURITY_CHANNEL,
                Map.of("Origin", baseUrl()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = CHANNELS + "/" + created.json().get("id").stringValue();
        assertThat(admin.send("PATCH", path, "application/json", "{\"name\": \"Renamed\"}", Map.of("Origin", baseUrl()))
                .status()).isEqualTo(200);
        assertThat(admin.send("DELETE", path, null, null, Map.of("Origin", baseUrl())).status()).isEqualTo(204);
    }

    @Test
    void thePagesCurlStyleRequestPasses() {
        ApiClient admin = newTenant().admin();

        ApiResponse created = admin.send("POST", Channels.PAGE_PATH, "application/json", PageBodies.SECURITY_CHANNEL,
                Map.of());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void signInCannotBeForgedFromAnotherSite() {
        ApiClient browser = anonymous();

        assertProblem(browser.send("POST", "/api/auth/login", "application/x-www-form-urlencoded",
                "email=" + ROOT_EMAIL + "&password=" + ROOT_PASSWORD, Map.of()), 415);
        assertProblem(browser.send("POST", "/api/auth/login", "application/json",
                "{\"email\": \"" + ROOT_EMAIL + "\", \"password\": \"" + ROOT_PASSWORD + "\"}", EVIL), 403);
        assertProblem(browser.get("/api/auth/me"), 401);
    }
}
