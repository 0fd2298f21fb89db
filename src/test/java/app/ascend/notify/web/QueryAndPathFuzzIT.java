package app.ascend.notify.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Tenant;
import app.ascend.notify.support.fuzz.FuzzRun;
import app.ascend.notify.support.fuzz.FuzzTest;
import app.ascend.notify.support.fuzz.Fuzzer;
import app.ascend.notify.support.fuzz.RawHttp;

/**
 * Hostile ids in paths and hostile query parameters (filters, limits, cursors, dates) on the routes
 * that take them: never a 5xx (NUL, encoded surrogates, 100,000 characters, SQL and HTML), a refusal
 * by the application is problem+json, and the service still delivers afterwards. The servlet
 * container or Spring Security's firewall may refuse a URL first with a plain 400.
 */
class QueryAndPathFuzzIT extends FuzzTest {
    private static final List<String> ROUTES = List.of("GET /api/events?action_id=%s", "GET /api/events?limit=%s",
            "GET /api/events?cursor=%s", "GET /api/events/%s", "GET /api/notifications/channels/%s",
            "GET /api/notifications/channels?limit=%s&cursor=%s", "GET /api/notifications/deliveries?channel_id=%s",
            "GET /api/notifications/deliveries?event_id=%s", "GET /api/notifications/deliveries?status=%s",
            "GET /api/notifications/deliveries?since=%s", "GET /api/notifications/deliveries/%s",
            "POST /api/notifications/deliveries/%s/retry", "DELETE /api/api-keys/%s", "DELETE /api/notifications/channels/%s",
            "PATCH /api/notifications/channels/%s", "GET /api/audit-log?target_id=%s", "GET /api/audit-log?limit=%s",
            "GET /api/users?cursor=%s", "GET /api/api-keys?limit=%s", "GET /api/organizations?cursor=%s",
            "GET /api/notifications/channels/%s/webhooks?outcome=%s",
            "GET /api/notifications/channels/%s/webhooks?limit=%s&cursor=%s",
            "POST /api/notifications/channels/%s/reconcile",
            "GET /api/notifications/channels/%s/reconciliations?limit=%s&cursor=%s");
    /** Already percent-encoded: NUL, an encoded lone surrogate, invalid UTF-8, encoded separators, CRLF. */
    private static final List<String> ENCODED = List.of("%00", "a%00b", "%ED%A0%80", "%C3%28", "%FF", "%C0%AF", "%2F", "%5C",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%0D%0ASet-Cookie:%20x=1", "%25", "%3B", "chan_%00", "%E2%80%AE", "%F0%9F%98%80",
            "-1", "0", "201", "99999999999999999999", "1e3", "%20", "", "~", "Y2hhbl8w", "Y2hhbl8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA");

    @Test
    void hostileIdsAndQueryParametersNeverAnswer5xx() {
        Tenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        Channels.create(admin, Channels.pagerDuty("Kept", newRoutingKey()));
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("ids and query parameters", true);

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, List.of());
            String route = fuzzer.pick(ROUTES);
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            while (path.contains("%s")) {
                path = path.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(value(fuzzer)));
            }
            byte[] body = method.equals("PATCH") ? "{\"name\": \"Fuzzed\"}".getBytes(StandardCharsets.UTF_8) : null;
            run.send(i, http, method, path, body == null ? null : "application/json", body);
        });

        run.assertNoFailures();
        assertServiceHealthy();
    }

    private static String value(Fuzzer fuzzer) {
        if (fuzzer.chance(0.5)) {
            return fuzzer.pick(ENCODED);
        }
        return query(fuzzer.hostileString());
    }
}
