package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;

/**
 * CSRF on every write route, with a signed-in admin's cookie: what an HTML form can send
 * (urlencoded, malformed too, multipart, text/plain) answers 415, and a JSON request from a foreign
 * {@code Origin} answers 403; nothing changes and the admin stays signed in. Ingest takes only an
 * API key, which a browser never sends by itself, so there every such request answers 401.
 */
class CrossSiteWriteRoutesIT extends SecurityTest {
    private static final Map<String, String> FORMS = Map.of(
            "application/x-www-form-urlencoded", "name=Forged&type=pagerduty&config.integration_key=x",
            "application/x-www-form-urlencoded; charset=UTF-8", "name=100%&x=%0G&y=%",
            "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nForged\r\n--xyz--\r\n",
            "text/plain", "{\"name\": \"Forged\", \"type\": \"pagerduty\", \"config\": {\"integration_key\": \"x\"}}",
            "text/plain;charset=UTF-8", "{\"name\": \"Forged\"}");
    private static final List<String> FOREIGN_ORIGINS = List.of("https://evil.example", "null", "http://127.0.0.1.evil.example",
            "https://pilot.owkai.app.evil.example");

    @Test
    void formPostsToEveryWriteRouteAnswer415() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient admin = ours.admin();
        Map<String, Object> before = ours.snapshot();
        List<Exchange> refused = new ArrayList<>();
        List<Exchange> ingest = new ArrayList<>();

        for (ApiRoutes.Route route : writeRoutes()) {
            String path = ours.path(route, UNKNOWN_ID);
            for (Map.Entry<String, String> form : FORMS.entrySet()) {
                for (String p : List.of(path, ApiRoutes.alias(path))) {
                    Exchange e = new Exchange(route, p, admin.send(route.method(), p, form.getKey(), form.getValue(), Map.of()));
                    (route.is("POST", "/api/events") || isInboundWebhook(route) ? ingest : refused).add(e);
                }
            }
        }

        assertAllProblems(refused, 415, "a form post with the admin's cookie");
        assertAllProblems(ingest, 401, "a form post to ingest or the inbound webhook route (no cookie counts there)");
        assertStillSignedInAndUnchanged(ours, before);
    }

    @Test
    void aForeignOriginIsRefusedWith403OnEveryWriteRoute() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient admin = ours.admin();
        Map<String, Object> before = ours.snapshot();
        List<Exchange> refused = new ArrayList<>();
        List<Exchange> ingest = new ArrayList<>();

        for (ApiRoutes.Route route : writeRoutes()) {
            for (String origin : FOREIGN_ORIGINS) {
                List<Exchange> sent = sendBoth(admin, route, ours.path(route, UNKNOWN_ID), ours.body(route),
                        Map.of("Origin", origin));
                (route.is("POST", "/api/events") || isInboundWebhook(route) ? ingest : refused).addAll(sent);
            }
        }

        assertAllProblems(refused, 403, "a foreign Origin with the admin's cookie");
        assertAllProblems(ingest, 401, "a foreign Origin posting to ingest or the inbound webhook route");
        assertStillSignedInAndUnchanged(ours, before);
    }

    @Test
    void theServicesOwnOriginPassesTheGuard() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        for (String origin : List.of(baseUrl(), "https://pilot.owkai.app")) {
            ApiResponse renamed = ours.admin().send("PATCH", "/api/notifications/channels/" + ours.channelId,
                    "application/json", "{\"name\": \"Renamed from " + origin + "\"}", Map.of("Origin", origin));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        }
    }

    /** The route a destination posts to: no cookie counts there, only a signature (so 401, never 403/415). */
    private static boolean isInboundWebhook(ApiRoutes.Route route) {
        return route.pattern().startsWith("/api/webhooks/");
    }

    private List<ApiRoutes.Route> writeRoutes() {
        List<ApiRoutes.Route> writes = routes().stream().filter(ApiRoutes.Route::isWrite).toList();
        assertThat(writes).extracting(ApiRoutes.Route::toString).contains("POST /api/auth/login", "POST /api/auth/logout",
                "POST /api/notifications/channels", "DELETE /api/api-keys/{id}");
        return writes;
    }

    private static void assertStillSignedInAndUnchanged(StockedOrganization ours, Map<String, Object> before) {
        assertThat(ours.admin().get("/api/auth/me").status()).as("the admin is still signed in").isEqualTo(200);
        assertThat(ours.snapshot()).isEqualTo(before);
    }
}
