package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;

/**
 * A revoked API key opens nothing: every API route (signing in and out included) answers 401
 * problem+json with {@code WWW-Authenticate: Bearer}, even beside a valid session cookie; and the
 * same for a key that never existed.
 */
class RevokedApiKeyRoutesIT extends SecurityTest {

    @Test
    void everyRouteAnswers401ToARevokedKey() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiResponse created = ours.admin().post("/api/api-keys", Map.of("name", "to be revoked"));
        String secret = created.json().get("key").stringValue();
        ApiClient engine = anonymous().withApiKey(secret);
        assertThat(engine.post("/api/events", Map.of("type", "action.blocked", "action_id", "before-revoking")).status())
                .isEqualTo(202);
        assertThat(ours.admin().delete("/api/api-keys/" + created.json().get("id").stringValue()).status()).isEqualTo(204);
        Map<String, Object> before = ours.snapshot();

        List<Exchange> exchanges = callEveryRoute(ours, engine);

        assertAllProblems(exchanges, 401, "a revoked API key");
        assertThat(exchanges).allSatisfy(e -> assertThat(e.answer().header("WWW-Authenticate")).as(e.toString())
                .isEqualTo("Bearer"));
        assertThat(ours.admin().get("/api/events?action_id=act-after-revoking").itemIds()).isEmpty();
        assertThat(ours.snapshot()).isEqualTo(before);
    }

    @Test
    void aRevokedKeyBesideAValidSessionStillAnswers401() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiResponse created = ours.admin().post("/api/api-keys", Map.of("name", "to be revoked"));
        assertThat(ours.admin().delete("/api/api-keys/" + created.json().get("id").stringValue()).status()).isEqualTo(204);
        ApiClient adminWithRevokedKey = ours.admin().withApiKey(created.json().get("key").stringValue());

        assertAllProblems(callEveryRoute(ours, adminWithRevokedKey), 401, "an admin session with a revoked key");
    }

    @Test
    void everyRouteAnswers401ToAKeyThatNeverExisted() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        String madeUp = ours.apiKey.substring(0, ours.apiKey.length() - 4) + "AAAA";

        assertAllProblems(callEveryRoute(ours, anonymous().withApiKey(madeUp)), 401, "a made-up API key");
    }

    private List<Exchange> callEveryRoute(StockedOrganization ours, ApiClient client) {
        List<Exchange> exchanges = new ArrayList<>();
        for (ApiRoutes.Route route : routes()) {
            String body = route.is("POST", "/api/events")
                    ? "{\"type\": \"action.blocked\", \"action_id\": \"act-after-revoking\"}"
                    : ours.body(route);
            exchanges.addAll(sendBoth(client, route, ours.path(route, UNKNOWN_ID), body, Map.of()));
        }
        return exchanges;
    }
}
