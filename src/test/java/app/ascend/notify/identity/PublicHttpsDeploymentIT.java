package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;

/**
 * Behind an HTTPS proxy ({@code ASCEND_COOKIE_SECURE=true}, {@code ASCEND_PUBLIC_URL}) the session
 * cookie is {@code Secure}, and a browser on the public origin passes the CSRF Origin check although
 * the request reaches the service under another host. Its own service (a separate Spring context).
 */
@TestPropertySource(properties = {"ASCEND_COOKIE_SECURE=true", "ASCEND_PUBLIC_URL=https://notify.example.com/console"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublicHttpsDeploymentIT extends ApiTest {
    private static final String LOGIN = "/api/auth/login";
    private static final String ROOT_LOGIN = "{\"email\": \"" + ROOT_EMAIL + "\", \"password\": \"" + ROOT_PASSWORD + "\"}";

    @Test
    void theSessionCookieIsSecure() {
        ApiResponse login = anonymous().login(ROOT_EMAIL, ROOT_PASSWORD);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.headers("Set-Cookie")).anyMatch(c -> c.startsWith("ASCEND_SESSION=") && c.contains("Secure")
                && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
    }

    @Test
    void thePublicOriginIsAllowedAndOthersAreNot() {
        ApiResponse fromPublicOrigin = anonymous().send("POST", LOGIN, "application/json", ROOT_LOGIN,
                Map.of("Origin", "https://notify.example.com"));
        ApiResponse withDefaultPort = anonymous().send("POST", LOGIN, "application/json", ROOT_LOGIN,
                Map.of("Origin", "https://notify.example.com:443"));

        assertThat(fromPublicOrigin.status()).as(fromPublicOrigin.body()).isEqualTo(200);
        assertThat(withDefaultPort.status()).as(withDefaultPort.body()).isEqualTo(200);
        assertProblem(anonymous().send("POST", LOGIN, "application/json", ROOT_LOGIN,
                Map.of("Origin", "http://notify.example.com")), 403);
        assertProblem(anonymous().send("POST", LOGIN, "application/json", ROOT_LOGIN,
                Map.of("Origin", "https://notify.example.com.evil.example")), 403);
    }
}
