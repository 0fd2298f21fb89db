package app.ascend.notify.identity;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static app.ascend.notify.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * {@code POST /api/auth/login} answers the user and organization and sets the session cookie the
 * page's {@code curl -c cookies.txt} keeps (HttpOnly, SameSite=Lax, not Secure by default); wrong
 * credentials get one generic 401; {@code /api/auth/me} and logout work with that cookie.
 */
class LoginIT extends ApiTest {

    @Test
    void signInAnswersTheUserAndOrganizationWithASessionCookie() {
        Tenant tenant = newTenant();

        ApiResponse login = anonymous().login(tenant.adminEmail(), tenant.adminPassword());

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("user").get("email").stringValue()).isEqualTo(tenant.adminEmail());
        assertThat(login.json().get("user").get("role").stringValue()).isEqualTo("admin");
        assertThat(login.json().get("user").has("password_hash")).isFalse();
        assertThat(login.json().get("organization").get("id").stringValue()).isEqualTo(tenant.organizationId());
        assertThat(login.json().get("organization").get("name").stringValue()).isEqualTo(tenant.name());
        String cookie = sessionCookie(login);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        assertThat(login.body()).doesNotContain(tenant.adminPassword());
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSameGeneric401() {
        Tenant tenant = newTenant();

        ApiResponse wrongPassword = anonymous().login(tenant.adminEmail(), "not-the-password");
        ApiResponse unknownEmail = anonymous().login("nobody-" + tenant.organizationId() + "@example.test", "not-the-password");

        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
        assertThat(wrongPassword.json().get("title")).isEqualTo(unknownEmail.json().get("title"));
        assertThat(wrongPassword.headers("Set-Cookie")).noneMatch(c -> c.startsWith("ASCEND_SESSION=") && !c.contains("Max-Age=0"));
    }

    @Test
    void meAnswersTheSignedInUserAnd401WithoutASession() {
        Tenant tenant = newTenant();

        ApiResponse me = tenant.admin().get("/api/auth/me");
        ApiResponse nobody = anonymous().get("/api/auth/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").stringValue()).isEqualTo(tenant.adminEmail());
        assertThat(me.json().get("organization").get("id").stringValue()).isEqualTo(tenant.organizationId());
        assertProblem(nobody, 401);
        assertProblem(anonymous().get("/api/notifications/channels"), 401);
    }

    @Test
    void logoutEndsTheSessionAndItsCookieNoLongerWorks() {
        Tenant tenant = newTenant();
        ApiClient browser = anonymous();
        String cookie = sessionCookie(browser.login(tenant.adminEmail(), tenant.adminPassword())).split(";", 2)[0];

        ApiResponse logout = browser.post("/api/auth/logout", Map.of());

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertProblem(browser.get("/api/auth/me"), 401);
        ApiResponse replayed = anonymous().send("GET", "/api/auth/me", null, null, Map.of("Cookie", cookie));
        assertProblem(replayed, 401);
        assertThat(tenant.admin().get("/api/auth/me").status()).as("the admin's other session").isEqualTo(200);
    }

    @Test
    void emailAndPasswordAreRequired() {
        ApiClient browser = anonymous();

        ApiResponse empty = browser.post("/api/auth/login", Map.of());
        assertInvalidField(empty, "email");
        assertInvalidField(empty, "password");
        assertInvalidField(browser.post("/api/auth/login", Map.of("email", ROOT_EMAIL)), "password");
        assertInvalidField(browser.post("/api/auth/login", Map.of("password", ROOT_PASSWORD)), "email");
        assertProblem(browser.post("/api/auth/login", "{\"email\": "), 400);
    }

    /** The raw {@code Set-Cookie} header of the session cookie. */
    private static String sessionCookie(ApiResponse login) {
        return login.headers("Set-Cookie").stream().filter(c -> c.startsWith("ASCEND_SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no ASCEND_SESSION cookie in " + login.headers()));
    }
}
