package app.ascend.notify.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage met in a servlet filter (API key authentication, the session store, login
 * throttling) answers 503 problem+json with {@code Retry-After}, as {@link ApiExceptionHandler} does
 * for controllers; without this it escaped to the container's error page as a 500. Runs outside the
 * session and security filters so their failures pass through it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {
    static final String RETRY_AFTER_SECONDS = "5";
    static final String DETAIL = "The database is unavailable. Retry shortly: an event sent again with the same "
            + "\"id\" is never stored twice.";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private final ProblemWriter problems;

    public DatabaseUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        }
    }
}
