package app.ascend.notify.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ascend.notify.web.ProblemWriter;

/**
 * {@code Authorization: Bearer <api key>} authenticates a machine client for this request only (no
 * session). A presented key that is unknown or revoked answers 401 at once, whatever the route.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";
    private final ApiKeyService keys;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(ApiKeyService keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /** Ingest is for machine clients only: without a key it answers 401, even with a session. */
    private static boolean requiresApiKey(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/events".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (requiresApiKey(request)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                problems.write(request, response, HttpStatus.UNAUTHORIZED,
                        "Events are posted with an API key: send Authorization: Bearer <key> (POST /api/api-keys makes one).");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).trim();
        var key = secret.isEmpty() ? java.util.Optional.<ApiKey>empty() : keys.authenticate(secret);
        if (key.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key is missing, unknown or revoked.");
            return;
        }
        AscendPrincipal principal = AscendPrincipal.apiKey(key.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
