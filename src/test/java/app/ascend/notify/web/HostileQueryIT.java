package app.ascend.notify.web;

import static app.ascend.notify.support.Problems.assertProblem;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiTest;

/** Query parameters that cannot be a value of ours answer 400 problem+json, not 500. */
class HostileQueryIT extends ApiTest {

    @Test
    void percentEncodedBytesThatAreNotUtf8Answer400() {
        ApiClient admin = newTenant().admin();
        for (String path : List.of("/api/events?action_id=%FF", "/api/audit-log?target_id=%C3%28",
                "/api/notifications/deliveries?since=%ED%A0%80", "/api/users?cursor=%C0%AF", "/api/api-keys?limit=%FF")) {
            assertProblem(admin.get(path), 400);
        }
    }

    @Test
    void aNulInAFilterAnswers400OnEveryDatabase() {
        ApiClient admin = newTenant().admin();
        for (String path : List.of("/api/events?action_id=%00", "/api/events?action_id=act%00x",
                "/api/notifications/deliveries?channel_id=chan_%00", "/api/notifications/deliveries?event_id=%00",
                "/api/audit-log?target_id=%00")) {
            assertProblem(admin.get(path), 400);
        }
    }
}
