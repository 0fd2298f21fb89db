package app.ascend.notify.apidoc;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.ascend.notify.channel.ChannelTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3 description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * springdoc finds every route; this adds what it cannot know — a summary for each operation, the
 * product page's bodies as examples, and how to authenticate. {@code OpenApiCoverageIT} fails when a
 * route has no summary here.
 */
@Configuration
class ApiDescription {
    static final String SESSION = "session";
    static final String API_KEY = "apiKey";
    /** Examples become plain maps: swagger-core serializes with its own Jackson 2, which knows no Jackson 3 trees. */
    private final JsonMapper json = JsonMapper.builder().build();
    private final ChannelTypes types;

    ApiDescription(ChannelTypes types) {
        this.types = types;
    }

    @Bean
    OpenApiCustomizer ascendDescription() {
        return openApi -> {
            openApi.info(new Info().title("ASCEND Notify API").version("1")
                    .description("Turns AI-agent governance events into notifications through channels of these "
                            + "types: " + String.join(", ", types.all().stream().map(t -> t.name() + " (" + t.displayName()
                                    + ")").toList()) + ". Every /api route also answers under /api/api. "
                            + "Errors are RFC 9457 application/problem+json."));
            openApi.components(openApi.getComponents() == null ? new Components() : openApi.getComponents());
            openApi.getComponents()
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE).name("ASCEND_SESSION")
                            .description("Sign in with POST /api/auth/login (curl -c cookies.txt)"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API key from POST /api/api-keys, for POST /api/events"));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, method, operation)));
        };
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        String key = method + " " + path;
        String summary = OperationSummaries.SUMMARIES.get(key);
        if (summary != null) {
            operation.setSummary(summary);
        }
        String description = OperationDescriptions.DESCRIPTIONS.get(key);
        if (description != null) {
            operation.setDescription(description);
        }
        if (path.startsWith("/api/") && !path.equals("/api/auth/login") && !path.equals("/api/auth/logout")) {
            operation.addSecurityItem(new SecurityRequirement().addList(path.equals("/api/events")
                    && method == PathItem.HttpMethod.POST ? API_KEY : SESSION));
        }
        Map<String, String> examples = new LinkedHashMap<>();
        types.all().forEach(type -> examples.putAll(type.apiExamples().getOrDefault(key, Map.of())));
        examples.putAll(PageExamples.EXAMPLES.getOrDefault(key, Map.of()));
        if (!examples.isEmpty()) {
            MediaType media = new MediaType().schema(new ObjectSchema());
            Map<String, io.swagger.v3.oas.models.examples.Example> named = new LinkedHashMap<>();
            examples.forEach((name, body) -> named.put(name,
                    new io.swagger.v3.oas.models.examples.Example().summary(name).value(json.readValue(body, Object.class))));
            media.setExamples(named);
            operation.setRequestBody(new RequestBody().required(true)
                    .content(new Content().addMediaType("application/json", media)));
        }
    }

}
