package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Tenant;

/**
 * Every API route, called by another organization's admin: a route naming one of our objects answers
 * 404 exactly as for an id that does not exist (nothing tells that it exists), lists and filters
 * show nothing of ours, and nothing of ours changes.
 */
class CrossOrganizationRoutesIT extends SecurityTest {

    @Test
    void everyRouteNamingAnotherOrganizationsObjectAnswers404LikeAnUnknownId() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient theirs = newTenant().admin();
        Map<String, Object> before = ours.snapshot();
        List<String> withoutObject = new ArrayList<>();
        List<SecurityTest.Exchange> exchanges = new ArrayList<>();
        List<String> distinguishable = new ArrayList<>();

        for (ApiRoutes.Route route : routes()) {
            // The inbound webhook route belongs to no session's organization: its one answer to anything
            // unsigned (401, the same for every channel id) is RefusedWebhooksChangeNothingIT's.
            if (!route.hasId() || route.pattern().startsWith("/api/webhooks/")) {
                continue;
            }
            String id = ours.idFor(route);
            if (id == null) {
                withoutObject.add(route.toString());
                continue;
            }
            String body = ours.body(route);
            List<SecurityTest.Exchange> sent = sendBoth(theirs, route, route.path(id), body, Map.of());
            exchanges.addAll(sent);
            ApiResponse unknown = theirs.send(route.method(), route.path(UNKNOWN_ID), body == null ? null : "application/json",
                    body, Map.of());
            for (SecurityTest.Exchange e : sent) {
                String theirView = e.answer().body().replace(id, "<id>").replace("/api/api/", "/api/");
                if (!theirView.equals(unknown.body().replace(UNKNOWN_ID, "<id>"))) {
                    distinguishable.add(e + " differs from the answer for an unknown id: " + unknown.body());
                }
            }
        }

        assertThat(withoutObject).as("routes with an id the suite has no object for (add one to StockedOrganization)")
                .isEmpty();
        assertAllProblems(exchanges, 404, "another organization's admin");
        assertThat(distinguishable).isEmpty();
        assertThat(ours.snapshot()).isEqualTo(before);
    }

    @Test
    void everyListShowsNothingOfAnotherOrganization() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        Tenant theirs = newTenant();
        List<String> paths = new ArrayList<>();
        for (ApiRoutes.Route route : routes()) {
            if (route.method().equals("GET") && !route.hasId()) {
                paths.add(route.pattern());
            }
        }
        // Filters naming our objects find nothing either.
        paths.addAll(List.of("/api/events?action_id=" + ours.actionId, "/api/audit-log?target_id=" + ours.channelId,
                "/api/notifications/deliveries?channel_id=" + ours.brokenChannelId,
                "/api/notifications/deliveries?event_id=" + ours.eventId));

        List<String> leaks = new ArrayList<>();
        for (ApiClient client : List.of(theirs.admin(), theirs.newUser("viewer"))) {
            for (String path : paths) {
                for (String p : List.of(path, ApiRoutes.alias(path))) {
                    ApiResponse answer = client.get(p);
                    if (answer.status() != 200) {
                        leaks.add("GET " + p + " → " + answer);
                        continue;
                    }
                    ours.identifiers().stream().filter(answer.body()::contains)
                            .forEach(found -> leaks.add("GET " + p + " shows " + found + ": " + answer.body()));
                }
            }
        }
        assertThat(paths).contains("/api/notifications/channels", "/api/events", "/api/audit-log", "/api/api-keys");
        assertThat(leaks).isEmpty();
    }

    @Test
    void aTestAlertCannotUseAnotherOrganizationsChannel() {
        StockedOrganization ours = new StockedOrganization(newTenant());
        ApiClient theirs = newTenant().admin();
        Map<String, Object> before = ours.snapshot();

        for (Map<String, Object> body : List.of(Map.<String, Object>of("channel_id", ours.channelId),
                Map.<String, Object>of("channel_id", ours.channelId, "dry_run", true),
                Map.<String, Object>of("channel_id", ours.channelId, "event", Map.of("type", "action.blocked")))) {
            ApiResponse answer = theirs.post("/api/notifications/test", body);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Ours");
        }
        assertThat(ours.snapshot()).isEqualTo(before);
    }
}
