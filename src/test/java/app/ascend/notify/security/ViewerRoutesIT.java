package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;

/**
 * Every API route, called by a viewer of the organization: every read answers 200, every write 403
 * (ingest, which takes only an API key, 401), and nothing changes. Signing in and out are not
 * writes of the organization and are left out.
 */
class ViewerRoutesIT extends SecurityTest {

    @Test
    void everyWriteRouteAnswers403ToAViewerAndChangesNothing() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient viewer = ours.tenant.newUser("viewer");
        Map<String, Object> before = ours.snapshot();
        List<Exchange> forbidden = new ArrayList<>();
        List<Exchange> ingest = new ArrayList<>();

        for (ApiRoutes.Route route : routes()) {
            if (!route.isWrite() || route.pattern().startsWith("/api/auth/")) {
                continue;
            }
            List<Exchange> sent = sendBoth(viewer, route, ours.path(route, UNKNOWN_ID), ours.body(route), Map.of());
            // Ingest wants an API key and the inbound webhook route a signature: a session counts for neither (401).
            (route.is("POST", "/api/events") || route.pattern().startsWith("/api/webhooks/") ? ingest : forbidden)
                    .addAll(sent);
        }

        assertThat(forbidden).extracting(e -> e.route().toString()).contains("POST /api/notifications/channels",
                "DELETE /api/notifications/channels/{id}", "POST /api/notifications/deliveries/{id}/retry",
                "POST /api/notifications/test", "POST /api/users", "POST /api/api-keys", "POST /api/organizations");
        assertAllProblems(forbidden, 403, "a viewer");
        assertAllProblems(ingest, 401, "a viewer's session posting events or an unsigned webhook");
        assertThat(viewer.get("/api/auth/me").status()).as("the viewer is still signed in").isEqualTo(200);
        assertThat(ours.snapshot()).isEqualTo(before);
    }

    @Test
    void everyReadRouteAnswers200ToAViewer() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient viewer = ours.tenant.newUser("viewer");
        List<String> refused = new ArrayList<>();

        for (ApiRoutes.Route route : routes()) {
            if (route.isWrite()) {
                continue;
            }
            // A route whose object the suite does not stock is read with an unknown id: 404, still not 401 or 403.
            int expected = route.hasId() && ours.idFor(route) == null ? 404 : 200;
            for (Exchange e : sendBoth(viewer, route, ours.path(route, UNKNOWN_ID), null, Map.of())) {
                if (e.answer().status() != expected) {
                    refused.add(e.toString());
                }
            }
        }
        assertThat(refused).isEmpty();
    }
}
