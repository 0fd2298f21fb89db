package app.ascend.notify.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.PagerDutyWebhooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API route without a valid session or key answers 401 problem+json: with no cookie, with a
 * session that signed out, and with a made-up session cookie. Only signing in and out take
 * anonymous calls.
 */
class UnauthenticatedRoutesIT extends SecurityTest {

    @Test
    void everyRouteAnswers401WithoutASession() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        assertAllProblems(callEveryRoute(ours, anonymous(), Map.of()), 401, "no session");
    }

    @Test
    void everyRouteAnswers401AfterSigningOut() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient signedOut = anonymous();
        assertThat(signedOut.login(ours.tenant.adminEmail(), ours.tenant.adminPassword()).status()).isEqualTo(200);
        String cookie = signedOut.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ASCEND_SESSION")).findFirst().orElseThrow().getValue();
        assertThat(signedOut.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);

        assertAllProblems(callEveryRoute(ours, signedOut, Map.of()), 401, "a signed-out session");
        assertAllProblems(callEveryRoute(ours, anonymous(), Map.of("Cookie", "ASCEND_SESSION=" + cookie)), 401,
                "the cookie of a signed-out session, replayed");
    }

    @Test
    void everyRouteAnswers401ToAMadeUpSessionCookie() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        assertAllProblems(callEveryRoute(ours, anonymous(), Map.of("Cookie", "ASCEND_SESSION=ZmFrZS1zZXNzaW9uLWlk")), 401,
                "a made-up session cookie");
    }

    /**
     * The inbound webhook route is the one reachable without a session or key: only a delivery signed with the
     * channel's webhook secret gets in, whatever session, key or other signature comes with it.
     */
    @Test
    void theInboundWebhookRouteLetsInOnlyAValidSignature() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        String body = PagerDutyWebhooks.json(PagerDutyWebhooks.incidentEvent("incident.acknowledged", "ascend-nobody",
                "acknowledged", "Jane Doe", java.time.Instant.now()));
        String signed = PagerDutyWebhooks.signature(StockedOrganization.WEBHOOK_SECRET, body);
        String forged = PagerDutyWebhooks.signature("a-guessed-secret", body);
        String path = PagerDutyWebhooks.path(ours.channelId);
        List<ApiResponse> refused = new ArrayList<>();
        for (String p : List.of(path, ApiRoutes.alias(path))) {
            refused.add(anonymous().send("POST", p, "application/json", body, PagerDutyWebhooks.headers("wh-1", null)));
            refused.add(anonymous().send("POST", p, "application/json", body, PagerDutyWebhooks.headers("wh-1", forged)));
            // The organization's own admin session and a valid API key are no signature either.
            refused.add(ours.admin().send("POST", p, "application/json", body, PagerDutyWebhooks.headers("wh-1", null)));
            refused.add(new ApiClient(baseUrl()).withApiKey(ours.tenant.newApiKey())
                    .send("POST", p, "application/json", body, PagerDutyWebhooks.headers("wh-1", forged)));
        }
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        });
        assertThat(ours.admin().get("/api/notifications/channels/" + ours.channelId + "/webhooks").json().get("items"))
                .isEmpty();

        ApiResponse in = anonymous().send("POST", path, "application/json", body, PagerDutyWebhooks.headers("wh-1", signed));
        assertThat(in.status()).as(in.toString()).isEqualTo(202);
        assertThat(ours.admin().get("/api/notifications/channels/" + ours.channelId + "/webhooks").json().get("items"))
                .hasSize(1);
    }

    private List<Exchange> callEveryRoute(StockedOrganization ours, ApiClient client, Map<String, String> headers) {
        List<Exchange> exchanges = new ArrayList<>();
        for (ApiRoutes.Route route : routes()) {
            if (route.is("POST", "/api/auth/login") || route.is("POST", "/api/auth/logout")) {
                continue;
            }
            exchanges.addAll(sendBoth(client, route, ours.path(route, UNKNOWN_ID), ours.body(route), headers));
        }
        ApiResponse me = client.send("GET", "/api/auth/me", null, null, headers);
        assertThat(me.status()).as(me.toString()).isEqualTo(401);
        return exchanges;
    }
}
