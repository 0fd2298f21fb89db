package app.ascend.notify.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route the service maps, read from Spring MVC's handler mapping (as the OpenAPI coverage
 * test does), so a route added later is covered by the security suite without anyone listing it.
 */
final class ApiRoutes {
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private ApiRoutes() {
    }

    /** One method on one path pattern, e.g. {@code PATCH /api/notifications/channels/{id}}. */
    record Route(String method, String pattern) {
        boolean isWrite() {
            return !method.equals("GET");
        }

        boolean hasId() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The pattern's collection: the part before its first variable ({@code /api/notifications/channels}). */
        String collection() {
            int brace = pattern.indexOf("/{");
            return brace < 0 ? pattern : pattern.substring(0, brace);
        }

        /** The path with every variable replaced by {@code id}. */
        String path(String id) {
            Matcher m = VARIABLE.matcher(pattern);
            return m.replaceAll(Matcher.quoteReplacement(id));
        }

        boolean is(String method, String pattern) {
            return this.method.equals(method) && this.pattern.equals(pattern);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Route> all(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        if (routes.size() < 20) {
            throw new IllegalStateException("only " + routes.size() + " API routes found: " + routes);
        }
        return routes;
    }

    /** The page's {@code /api/api/...} spelling of a path, which every route also answers. */
    static String alias(String path) {
        return "/api" + path;
    }
}
