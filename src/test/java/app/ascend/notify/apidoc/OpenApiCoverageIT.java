package app.ascend.notify.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Every API route is in the OpenAPI description at /v3/api-docs, with a summary; the page's bodies are examples. */
class OpenApiCoverageIT extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiRouteIsDescribedWithASummary() {
        ApiResponse docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");

        List<String> routes = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String route = method + " " + pattern;
                    routes.add(route);
                    JsonNode operation = paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode() || operation.path("summary").asString("").isBlank()) {
                        undescribed.add(route);
                    }
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(undescribed).as("routes without a described operation").isEmpty();
    }

    @Test
    void thePagesBodiesAreExamples() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        JsonNode examples = docs.path("paths").path("/api/notifications/channels").path("post").path("requestBody")
                .path("content").path("application/json").path("examples");
        assertThat(examples.propertyNames()).contains("PagerDuty Security", "PagerDuty Critical Only",
                "PagerDuty with Runbooks");
        assertThat(examples.path("PagerDuty Critical Only").path("value").path("filters").path("min_risk_score").asInt())
                .isEqualTo(90);
    }

    @Test
    void swaggerUiIsServed() {
        ApiResponse ui = anonymous().get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }
}
