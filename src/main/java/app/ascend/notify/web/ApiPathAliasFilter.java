package app.ascend.notify.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The product page's curl lines post to {@code /api/api/notifications/...}; every {@code /api/...}
 * route therefore also answers under {@code /api/api/...}. The request is rewritten before security
 * and MVC see it, so both paths share one set of rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiPathAliasFilter extends OncePerRequestFilter {
    private static final String ALIAS = "/api/api/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(ALIAS)) {
            chain.doFilter(new Rewritten(request, path.substring("/api".length())), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Rewritten extends HttpServletRequestWrapper {
        private final String path;

        Rewritten(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
                    .append(getRequestURI());
            return url;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
