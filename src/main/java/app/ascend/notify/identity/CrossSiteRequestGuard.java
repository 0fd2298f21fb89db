package app.ascend.notify.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ascend.notify.web.ProblemWriter;

/**
 * CSRF defence for a JSON API used with a cookie, in place of tokens that curl users could not send:
 * a state-changing request must carry JSON (an HTML form can only send form or text bodies, so a
 * form post answers 415), and when the browser names an {@code Origin} it must be this host or
 * {@code ASCEND_PUBLIC_URL}'s origin (else 403). Requests with an API key carry no ambient
 * credential and are not checked, nor are inbound webhooks: no browser sends them, they carry no cookie's
 * authority (only a signature with the channel's secret lets them in), and their senders choose the content
 * type. SameSite=Lax on the cookie is a second line.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final ProblemWriter problems;
    private final String publicOrigin;

    CrossSiteRequestGuard(ProblemWriter problems, String publicUrl) {
        this.problems = problems;
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : originOf(publicUrl);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return !STATE_CHANGING.contains(request.getMethod())
                || InboundWebhookPaths.matches(request.getServletPath())
                || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isAllowed(origin, request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN,
                    "Cross-site request refused: Origin " + origin + " is neither this host nor ASCEND_PUBLIC_URL.");
            return;
        }
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if ((contentType != null && !isJson(contentType)) || (contentType == null && hasBody)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as Content-Type: application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isAllowed(String origin, HttpServletRequest request) {
        String normalized = originOf(origin);
        if (normalized == null) {
            return false;
        }
        if (normalized.equals(publicOrigin)) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null && URI.create(normalized).getRawAuthority() != null
                && URI.create(normalized).getRawAuthority().equalsIgnoreCase(withDefaultPort(host, URI.create(normalized).getScheme()));
    }

    private static String withDefaultPort(String host, String scheme) {
        if (host.contains(":") && !host.endsWith("]")) {
            String port = host.substring(host.lastIndexOf(':') + 1);
            if (("http".equals(scheme) && port.equals("80")) || ("https".equals(scheme) && port.equals("443"))) {
                return host.substring(0, host.lastIndexOf(':'));
            }
        }
        return host;
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code scheme://host[:port]} with default ports dropped, or null when it is no http(s) origin. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
