package app.ascend.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;

/** Base of the route-by-route security tests: every API route, under both its spellings. */
abstract class SecurityTest extends ApiTest {
    /** An id no organization has, for routes the suite has no object for. */
    static final String UNKNOWN_ID = "zzz_00000000000000000000000000";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    List<ApiRoutes.Route> routes() {
        return ApiRoutes.all(mappings);
    }

    /** Sends the route's request (JSON body when it has one) to {@code path} and to its {@code /api/api} alias. */
    static List<Exchange> sendBoth(ApiClient client, ApiRoutes.Route route, String path, String body,
            Map<String, String> headers) {
        List<Exchange> exchanges = new ArrayList<>();
        for (String p : List.of(path, ApiRoutes.alias(path))) {
            exchanges.add(new Exchange(route, p, client.send(route.method(), p, body == null ? null : "application/json",
                    body, headers)));
        }
        return exchanges;
    }

    /** One request and its answer, described for a failure message. */
    record Exchange(ApiRoutes.Route route, String path, ApiResponse answer) {
        boolean isProblem(int status) {
            return answer.status() == status && answer.isProblem() && answer.json().path("status").asInt() == status;
        }

        @Override
        public String toString() {
            return route.method() + " " + path + " → " + answer.status() + " " + answer.contentType() + " " + answer.body();
        }
    }

    /** Asserts every exchange answered a problem with {@code status}, listing all that did not. */
    static void assertAllProblems(List<Exchange> exchanges, int status, String who) {
        assertThat(exchanges).as("no routes checked").isNotEmpty();
        assertThat(exchanges.stream().filter(e -> !e.isProblem(status)).map(Exchange::toString).toList())
                .as(who + ": routes that did not answer " + status + " problem+json").isEmpty();
    }
}
